import { useEffect, useRef, type RefObject } from 'react';

/**
 * A question asked in place of a dialog (進捗状況を記入, 次の年度へ切り替える): focus goes into it on
 * its safe answer while it is open, and back to the button that asked once it closes — whichever
 * answer closed it — so a keyboard user never lands on <body>.
 */
export function useFocusAfterQuestion(
  open: boolean,
  asker: RefObject<HTMLElement | null>,
  safeAnswer?: RefObject<HTMLElement | null>,
): void {
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) safeAnswer?.current?.focus();
    else if (wasOpen.current) asker.current?.focus();
    wasOpen.current = open;
  }, [open, asker, safeAnswer]);
}
