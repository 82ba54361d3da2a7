/**
 * FNV-1a 64-bit in plain TypeScript (no Node crypto, no WebCrypto), so the split and the
 * compile compute the same locked-cell fingerprints in the CLI and in the add-in.
 * It detects accidental or casual changes; it is not a signature (see fingerprint.ts).
 *
 * The 64-bit state is kept in four 16-bit limbs so every product stays far below 2^53.
 */

const PRIME_LOW = 0x1b3; // FNV-64 prime = 2^40 + 0x1b3

export class Fnv64 {
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;

  byte(b: number): void {
    this.h0 ^= b & 0xff;
    // h * prime = h * 0x1b3 + (h << 40); 40 bits = two limbs and 8 bits.
    const t0 = this.h0 * PRIME_LOW;
    let t1 = this.h1 * PRIME_LOW;
    let t2 = this.h2 * PRIME_LOW + (this.h0 << 8);
    let t3 = this.h3 * PRIME_LOW + (this.h1 << 8);
    t1 += t0 >>> 16;
    t2 += t1 >>> 16;
    t3 += t2 >>> 16;
    this.h0 = t0 & 0xffff;
    this.h1 = t1 & 0xffff;
    this.h2 = t2 & 0xffff;
    this.h3 = t3 & 0xffff;
  }

  /** Feeds the UTF-8 bytes of the text (encoded here, so no TextEncoder is needed). */
  text(s: string): this {
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        this.byte(c);
        continue;
      }
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
      }
      if (c < 0x800) {
        this.byte(0xc0 | (c >> 6));
      } else if (c < 0x10000) {
        this.byte(0xe0 | (c >> 12));
        this.byte(0x80 | ((c >> 6) & 0x3f));
      } else {
        this.byte(0xf0 | (c >> 18));
        this.byte(0x80 | ((c >> 12) & 0x3f));
        this.byte(0x80 | ((c >> 6) & 0x3f));
      }
      this.byte(0x80 | (c & 0x3f));
    }
    return this;
  }

  hex(): string {
    return [this.h3, this.h2, this.h1, this.h0].map((n) => n.toString(16).padStart(4, '0')).join('');
  }
}

export function fnv1a64(text: string): string {
  return new Fnv64().text(text).hex();
}
