import JSZip from 'jszip';
import { readSubmission, sha256, zip } from '../../src/taskpane/tools/files';
import { toBase64 } from '../../src/taskpane/bytes';
import { PaneKeyError } from '../../src/taskpane/state/paneError';

describe('the pane’s file tools', () => {
  it('computes SHA-256 with WebCrypto, of bytes and of text (UTF-8)', async () => {
    expect(await sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256(new Uint8Array([0x61, 0x62, 0x63]))).toBe(await sha256('abc'));
    expect(await sha256('課')).toBe(await sha256(new Uint8Array([0xe8, 0xaa, 0xb2])));
  });

  it('says what to do when WebCrypto is missing (not a secure context)', async () => {
    const subtle = Object.getOwnPropertyDescriptor(globalThis.crypto, 'subtle');
    Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
    try {
      await expect(sha256('abc')).rejects.toEqual(new PaneKeyError('error.noWebCrypto'));
    } finally {
      if (subtle) Object.defineProperty(globalThis.crypto, 'subtle', subtle);
      else delete (globalThis.crypto as { subtle?: unknown }).subtle;
    }
  });

  it('refuses a file beyond the size limit without reading it, and a macro workbook by its name', async () => {
    const read = jest.fn(async () => new Uint8Array());
    const big = await readSubmission('河川課.xlsx', 6 * 1024 * 1024, read);
    expect(read).not.toHaveBeenCalled();
    expect(big.problems?.[0]).toMatch(/河川課\.xlsx/);
    const macro = await readSubmission('河川課.xlsm', 10, async () => new Uint8Array([1, 2, 3]));
    expect(macro.problems?.[0]).toMatch(/マクロ有効ブック/);
    expect(macro.sha256).toHaveLength(64);
  });

  it('zips files and encodes base64 for Excel.createWorkbook', async () => {
    const bytes = await zip([{ name: 'a.xlsx', bytes: new Uint8Array([1, 2, 3]) }]);
    expect(Object.keys((await JSZip.loadAsync(bytes)).files)).toEqual(['a.xlsx']);
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});
