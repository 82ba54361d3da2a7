/** Where the CLI writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress bars only there). */
  interactive: boolean;
  /** Redraws one status line (progress bars); '' clears it. Optional: tests leave it out. */
  progress?: (line: string) => void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  interactive: process.stderr.isTTY,
  progress: (line) => process.stderr.write(line === '' ? '\r\x1b[K' : `\r${line}\x1b[K`),
};
