import { terminalSafe } from '../../src/cli/terminal';

describe('terminalSafe', () => {
  it('escapes C0 and C1 controls (ESC, CSI, BEL, DEL) and bidi overrides, keeps tab, newline and Japanese', () => {
    expect(terminalSafe('課\u001b[31m赤\u0007\u009b2J\u007f')).toBe('課\\x1b[31m赤\\x07\\x9b2J\\x7f');
    expect(terminalSafe('a\u202eb')).toBe('a\\u{202e}b');
    expect(terminalSafe('行1\n\t行2')).toBe('行1\n\t行2');
  });
});
