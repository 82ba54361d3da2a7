import type { Scalar, WorkbookGrid } from '../grid';
import { METADATA_SHEET, readMetadata } from '../recognize/metadata';
import { scalarText } from '../text';
import type { SubmissionInput } from '../compile/types';
import type { SplitResult } from './index';
import { canonValue } from './fingerprint';

/**
 * Authentic submissions. The master holds a secret (its hidden _shinchoku sheet, row
 * `secret`, or a key file the CLI is given with --key); every department workbook carries an
 * HMAC-SHA-256 of its hidden manifest — department, year, row keys, input cells with their
 * contribution slots, and the fingerprints of its locked cells — made with that secret. A clerk
 * has only the department workbook, so can neither recompute the signature after editing the
 * manifest nor make one for another 課. Web Crypto (globalThis.crypto.subtle) is the only
 * crypto used, in Node 20 and in the browser alike; this file is the only async boundary of it.
 */
export const SECRET_ENTRY = 'secret';
const SIGNATURE_ENTRY = 'signature';

function subtle(): typeof globalThis.crypto.subtle {
  // Absent only outside secure contexts (plain http pages); the add-in and Node 20 have it.
  if (typeof globalThis.crypto === 'undefined') throw new Error('Web Crypto (crypto.subtle) が使えません。');
  return globalThis.crypto.subtle;
}

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** 32 random bytes, as hex: a new master's secret. */
export function newSecret(): string {
  return hex(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

export function isSecret(text: string): boolean {
  return /^[0-9a-f]{64}$/.test(text);
}

/** The master's secret, when it keeps one in its hidden sheet. */
export function secretOf(master: WorkbookGrid): string | undefined {
  const s = readMetadata(master).entries.get(SECRET_ENTRY);
  return s && isSecret(s) ? s : undefined;
}

async function hmac(secret: string, message: string): Promise<string> {
  const raw = Uint8Array.from(secret.match(/../g) ?? [], (h) => parseInt(h, 16));
  const key = await subtle().importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await subtle().sign('HMAC', key, new TextEncoder().encode(message)));
}

/** Rows as the manifest reader sees them: trailing empty cells and empty rows left out. */
function canonRows(rows: readonly (readonly Scalar[])[]): string {
  return JSON.stringify(
    rows
      .map((r) => {
        const out = r.map((v) => canonValue(v));
        while (out.length > 0 && out[out.length - 1] === '') out.pop();
        return out;
      })
      .filter((r) => r.length > 0),
  );
}

/** The manifest's rows up to and including its checksum, and the signature row after them. */
function signedPart(grid: WorkbookGrid): { body: Scalar[][]; signature?: string } {
  const sheet = grid.sheets.find((s) => s.name === METADATA_SHEET);
  const body: Scalar[][] = [];
  let signature: string | undefined;
  let ended = false;
  for (const row of sheet?.rows ?? []) {
    const cells = row.map((c) => (c ? (c.error ? c.error : c.value) : null));
    const key = scalarText(cells[0]);
    if (ended) {
      if (key === SIGNATURE_ENTRY) signature = scalarText(cells[1]).trim();
      continue;
    }
    body.push(cells);
    if (key === 'checksum') ended = true;
  }
  return { body, signature };
}

/** The manifest rows with their signature row added. */
export async function signManifestRows(rows: readonly Scalar[][], secret: string): Promise<Scalar[][]> {
  return [...rows, [SIGNATURE_ENTRY, await hmac(secret, canonRows(rows))]];
}

/** True when the workbook's manifest carries a signature made with this secret. */
export async function verifySignature(grid: WorkbookGrid, secret: string): Promise<boolean> {
  const { body, signature } = signedPart(grid);
  if (!signature) return false;
  const expected = await hmac(secret, canonRows(body));
  // Both are hex of one length; compared whole, so timing tells nothing useful about a prefix.
  let diff = signature.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (signature.charCodeAt(i) || 0);
  return diff === 0;
}

/**
 * The sheet-protection password of one department's workbook: random to anyone without the
 * secret, different for every 課 and year, and found again from the secret when needed.
 */
export async function protectionPassword(secret: string, department: string, year: number): Promise<string> {
  return (await hmac(secret, `protection\u0000${department}\u0000${year}`)).slice(0, 24);
}

/** Each submission marked authentic or not, against the secret; unchanged when there is none. */
export async function authenticate(submissions: readonly SubmissionInput[], secret: string | undefined): Promise<SubmissionInput[]> {
  if (!secret) return [...submissions];
  return Promise.all(submissions.map(async (s) => (s.grid ? { ...s, authentic: await verifySignature(s.grid, secret) } : s)));
}

/**
 * Signs every department workbook of a split with the master's secret and, unless the
 * coordinator chose one, gives each its own protection password (protectionPassword).
 */
export async function signSplit(result: SplitResult, secret: string, password?: string): Promise<SplitResult> {
  const departments = await Promise.all(
    result.departments.map(async (d) => {
      const own = password ?? (await protectionPassword(secret, d.department, result.year));
      const sheets = await Promise.all(
        d.sheets.map(async (s) => {
          if (s.name === METADATA_SHEET) return { ...s, rows: await signManifestRows(s.rows, secret) };
          return s.protection ? { ...s, protection: { ...s.protection, password: own } } : s;
        }),
      );
      return { ...d, sheets };
    }),
  );
  return { ...result, departments };
}
