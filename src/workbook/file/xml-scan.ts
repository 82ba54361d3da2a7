import type JSZip from 'jszip';

/**
 * Counts tag openings in a zipped XML part while it inflates, so a sheet of millions of
 * cells can be measured (and refused) without ever holding its whole text in memory.
 * Every pattern starts with `<` and is at least two bytes long.
 */

// JSZip implements internalStream on every entry but its typings leave it out.
interface StreamableEntry {
  internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array>;
}

/** Bytes as Latin-1 text: enough to find ASCII markup, without TextDecoder (absent in some test DOMs). */
export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

export interface ScanOptions {
  /** Stop inflating early once the counts so far settle the question. */
  stopWhen?: (counts: readonly number[]) => boolean;
  /** Refuse (PartTooLarge) once more than this many bytes have been inflated: a zip bomb stops here. */
  maxBytes?: number;
  /** Sees every inflated chunk (with the carried-over tail before it); returns true to stop. */
  onChunk?: (buf: Uint8Array) => boolean | undefined;
}

/** A part that inflates to more than ScanOptions.maxBytes. */
export class PartTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`part inflates beyond ${bytes} bytes`);
    this.name = 'PartTooLarge';
  }
}

export function countTags(entry: JSZip.JSZipObject, patterns: Uint8Array[], options: ScanOptions = {}): Promise<number[]> {
  const counts = patterns.map(() => 0);
  const keep = Math.max(1, ...patterns.map((p) => p.length)) - 1;
  let inflated = 0;
  // Patterns indexed by the byte after `<`, so most tags are dismissed with one lookup.
  const bySecond: number[][] = Array.from({ length: 256 }, () => []);
  patterns.forEach((p, k) => bySecond[p[1]].push(k));
  let tail = new Uint8Array(0);
  return new Promise((resolve, reject) => {
    let done = false;
    const stream = (entry as unknown as StreamableEntry).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (done) return;
        inflated += chunk.length;
        if (options.maxBytes !== undefined && inflated > options.maxBytes) {
          done = true;
          stream.pause();
          reject(new PartTooLarge(inflated));
          return;
        }
        const buf = new Uint8Array(tail.length + chunk.length);
        buf.set(tail);
        buf.set(chunk, tail.length);
        const end = buf.length - 1;
        for (let i = 0; i < end; i++) {
          if (buf[i] !== 0x3c) continue;
          const candidates = bySecond[buf[i + 1]];
          for (let n = 0; n < candidates.length; n++) {
            const k = candidates[n];
            const p = patterns[k];
            // A match ending inside the carried-over tail was already counted last time.
            if (i + p.length > buf.length || i + p.length <= tail.length) continue;
            let j = 2;
            while (j < p.length && buf[i + j] === p[j]) j++;
            if (j === p.length) counts[k]++;
          }
        }
        tail = buf.slice(Math.max(0, buf.length - keep));
        if (options.stopWhen?.(counts) || options.onChunk?.(buf)) {
          done = true;
          stream.pause();
          resolve(counts);
        }
      })
      .on('error', (err) => {
        if (!done) reject(err);
        done = true;
      })
      .on('end', () => {
        if (!done) resolve(counts);
        done = true;
      })
      .resume();
  });
}
