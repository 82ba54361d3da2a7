import { sha512 } from '@noble/hashes/sha2';
import { randomBytes } from '@noble/hashes/utils';

/** What Excel itself writes when a user protects a sheet with a password. */
export const EXCEL_SPIN_COUNT = 100_000;

/** The password fields of an OOXML <sheetProtection> element. */
export interface ProtectionHash {
  algorithmName: 'SHA-512';
  /** base64 */
  hashValue: string;
  /** base64 */
  saltValue: string;
  spinCount: number;
}

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 * i] = unit & 0xff;
    bytes[2 * i + 1] = unit >>> 8;
  }
  return bytes;
}

function base64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

/** Rounds between yields to the event loop: a workbook's hash never freezes the pane or a progress bar. */
const ROUNDS_PER_STEP = 10_000;

/** The running hash H followed by room for the round number, which each round's digest overwrites. */
function firstRound(password: string, salt: Uint8Array): Uint8Array {
  const pw = utf16le(password);
  const first = new Uint8Array(salt.length + pw.length);
  first.set(salt);
  first.set(pw, salt.length);
  const block = new Uint8Array(64 + 4);
  block.set(sha512(first));
  return block;
}

/** Rounds from..to-1 on `block`, in place: 100,000 rounds allocate nothing per round. */
function spin(block: Uint8Array, from: number, to: number): void {
  const round = new DataView(block.buffer, block.byteOffset + 64, 4);
  // Resetting one hasher from a blank one is the library's way to reuse an instance.
  const blank = sha512.create();
  const hasher = sha512.create();
  for (let i = from; i < to; i++) {
    round.setUint32(0, i, true);
    blank._cloneInto(hasher);
    hasher.update(block).digestInto(block);
  }
}

/**
 * The OOXML password hash (ECMA-376 Part 1, 18.3.1.85 / MS-OFFCRYPTO 2.4.2.4):
 * H0 = SHA-512(salt ‖ UTF-16LE(password)), Hn = SHA-512(Hn-1 ‖ n-1 as uint32 LE), spinCount times.
 */
export function passwordHash(password: string, salt: Uint8Array, spinCount: number): Uint8Array {
  const block = firstRound(password, salt);
  spin(block, 0, spinCount);
  return block.slice(0, 64);
}

async function passwordHashInSteps(password: string, salt: Uint8Array, spinCount: number): Promise<Uint8Array> {
  const block = firstRound(password, salt);
  for (let from = 0; from < spinCount; from += ROUNDS_PER_STEP) {
    spin(block, from, Math.min(from + ROUNDS_PER_STEP, spinCount));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return block.slice(0, 64);
}

/** The protection fields for `password` with a fresh random salt. */
export async function protectionHash(
  password: string,
  spinCount = EXCEL_SPIN_COUNT,
  salt: Uint8Array = randomBytes(16),
): Promise<ProtectionHash> {
  const hash = await passwordHashInSteps(password, salt, spinCount);
  return { algorithmName: 'SHA-512', hashValue: base64(hash), saltValue: base64(salt), spinCount };
}

/**
 * Hashes each password once and hands the same fields to every sheet that uses it: the
 * 100,000 rounds are paid once per workbook, not once per protected sheet.
 */
export function protectionHasher(spinCount = EXCEL_SPIN_COUNT): (password: string) => Promise<ProtectionHash> {
  const known = new Map<string, Promise<ProtectionHash>>();
  return (password) => {
    let hash = known.get(password);
    if (!hash) {
      hash = protectionHash(password, spinCount);
      known.set(password, hash);
    }
    return hash;
  };
}
