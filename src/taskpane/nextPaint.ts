/**
 * Resolves once the browser has had a chance to paint, so a progress indicator rendered
 * just before a long synchronous step (the analysis) is on screen while that step runs.
 * Falls back to a timer when frames are not delivered (hidden pane, test environment).
 */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => setTimeout(finish, 0));
    }
    setTimeout(finish, 50);
  });
}
