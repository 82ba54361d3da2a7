import { createHash } from 'crypto';
import JSZip from 'jszip';

/**
 * Excel's sheet-protection hash computed with node:crypto, independently of the product's
 * own implementation: H0 = SHA-512(salt ‖ UTF-16LE(password)), then spinCount rounds of
 * SHA-512(H ‖ round number as uint32 little-endian).
 */
export function excelHash(password: string, saltBase64: string, spinCount: number): string {
  let hash = createHash('sha512').update(Buffer.from(saltBase64, 'base64')).update(Buffer.from(password, 'utf16le')).digest();
  const round = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i++) {
    round.writeUInt32LE(i, 0);
    hash = createHash('sha512').update(hash).update(round).digest();
  }
  return hash.toString('base64');
}

export interface SheetProtectionXml {
  part: string;
  attributes: Record<string, string>;
}

/** The <sheetProtection> attributes of every worksheet part of an .xlsx, read straight from its XML. */
export async function sheetProtections(data: Uint8Array | Buffer): Promise<SheetProtectionXml[]> {
  const zip = await JSZip.loadAsync(data);
  const parts = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const found: SheetProtectionXml[] = [];
  for (const part of parts) {
    const element = /<sheetProtection\b[^>]*>/.exec(await zip.file(part)!.async('string'))?.[0];
    if (!element) continue;
    const attributes = Object.fromEntries([...element.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    found.push({ part, attributes });
  }
  return found;
}

/** Whether Excel would accept `password` to unprotect a sheet with these attributes. */
export function opensWith(password: string, attributes: Record<string, string>): boolean {
  return excelHash(password, attributes.saltValue, Number(attributes.spinCount)) === attributes.hashValue;
}
