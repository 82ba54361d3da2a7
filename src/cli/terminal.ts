/**
 * Text from a file (its name, a cell) printed to a terminal: C0 and C1 control characters
 * (ESC, CSI, BEL…) are shown as `\xNN` / `\u{NNNN}` so a submission cannot move the cursor,
 * recolour the screen or hide a line. Tab and line feed stay: messages are multi-line.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
