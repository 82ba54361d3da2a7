import { isatty } from 'tty';
import { askHidden, type AskSecret } from './password-prompt';

/** Where the CLI writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress bars only there). */
  interactive: boolean;
  /** Redraws one status line (progress bars); '' clears it. Optional: tests leave it out. */
  progress?: (line: string) => void;
  /** Asks for a secret without echoing it; absent when stdin is not a terminal (nobody to ask). */
  askSecret?: AskSecret;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  interactive: process.stderr.isTTY,
  progress: (line) => process.stderr.write(line === '' ? '\r\x1b[K' : `\r${line}\x1b[K`),
  // Asked on stderr: stdout may be a pipe (--json). isatty(0) looks without opening stdin.
  ...(isatty(0) ? { askSecret: (question: string) => askHidden(question, process.stdin, process.stderr) } : {}),
};
