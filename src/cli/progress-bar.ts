import type { Io } from './io';

/** A one-line bar on stderr for long runs; silent when stderr is not a terminal. */
export function progressBar(io: Io, total: number, label: string): { tick(name: string): void; done(): void } {
  const progress = io.interactive && total > 1 ? io.progress : undefined;
  let n = 0;
  const draw = (name: string) => {
    if (!progress) return;
    const width = 24;
    const filled = Math.round((n / total) * width);
    progress(`${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${n}/${total} ${name}`);
  };
  return {
    tick(name) {
      n++;
      draw(name);
    },
    /** Clears the line; safe to call more than once. */
    done() {
      if (io.interactive && io.progress) io.progress('');
    },
  };
}
