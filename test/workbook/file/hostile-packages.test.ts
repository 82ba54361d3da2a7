import JSZip from 'jszip';
import { SUBMISSION_LIMITS } from '../../../src/plan/compile/limits';
import { examinePackage } from '../../../src/workbook/file/package-parts';
import { submissionFromBytes } from '../../../src/workbook/file/submission';
import { caught, partText, simpleXlsx, withParts } from './helpers';

/** A real workbook whose sheet1 is replaced by `xml`. */
async function withSheet(xml: string): Promise<Uint8Array> {
  return withParts(await simpleXlsx(), { 'xl/worksheets/sheet1.xml': xml });
}

/** Sets the uncompressed size the zip's headers state for `name`, as a forged archive would. */
function lieAboutSize(data: Uint8Array, name: string, size: number): Uint8Array {
  const out = data.slice();
  const view = new DataView(out.buffer);
  const nameBytes = new TextEncoder().encode(name);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    const isLocal = sig === 0x04034b50;
    const isCentral = sig === 0x02014b50;
    if (!isLocal && !isCentral) continue;
    const nameLen = view.getUint16(i + (isLocal ? 26 : 28), true);
    const start = i + (isLocal ? 30 : 46);
    if (nameLen !== nameBytes.length || !nameBytes.every((b, k) => out[start + k] === b)) continue;
    view.setUint32(i + (isLocal ? 22 : 24), size, true);
  }
  return out;
}

const BOMB_BYTES = 60 * 1024 * 1024;

async function bomb(): Promise<Uint8Array> {
  const sheet = await partText(await simpleXlsx(), 'xl/worksheets/sheet1.xml');
  // Whitespace inside the sheet element: valid XML that deflates about a thousandfold.
  const padded = sheet.replace('</worksheet>', `${' '.repeat(BOMB_BYTES)}</worksheet>`);
  const zip = await JSZip.loadAsync(await simpleXlsx());
  zip.file('xl/worksheets/sheet1.xml', padded);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('hostile packages are refused before they are loaded', () => {
  let bombBytes: Uint8Array;
  beforeAll(async () => {
    bombBytes = await bomb();
  }, 60_000);

  it('a zip bomb (60 MB part in a small file) is refused by its declared size, with a Japanese reason', async () => {
    expect(bombBytes.length).toBeLessThan(SUBMISSION_LIMITS.maxBytes);
    const err = await caught(() => examinePackage(bombBytes, 'bomb.xlsx', SUBMISSION_LIMITS));
    expect(err.code).toBe('part-too-large');
    expect(err.message).toContain('bomb.xlsx は展開すると大きすぎます（部品 xl/worksheets/sheet1.xml が 16 MB を超えます）');
  });

  it('the same bomb with a directory that lies about its size is stopped while inflating', async () => {
    const liar = lieAboutSize(bombBytes, 'xl/worksheets/sheet1.xml', 1000);
    const err = await caught(() => examinePackage(liar, 'liar.xlsx', SUBMISSION_LIMITS));
    expect(err.code).toBe('part-too-large');
    expect(err.message).toContain('liar.xlsx は展開すると大きすぎます');
  });

  it('as a submission, a bomb becomes that file’s problem, not a crash', async () => {
    const s = await submissionFromBytes('bomb.xlsx', bombBytes, 'x');
    expect(s.grid).toBeUndefined();
    expect(s.problems?.[0]).toContain('展開すると大きすぎます');
  });

  it('one cell at row 200,000,000 is refused without laying out the rows before it', async () => {
    const sheet = await partText(await simpleXlsx(), 'xl/worksheets/sheet1.xml');
    const far = sheet.replace(
      /<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/,
      '<sheetData><row r="200000000"><c r="A200000000"><v>1</v></c></row></sheetData>',
    );
    const s = await submissionFromBytes('far.xlsx', await withSheet(far), 'x');
    expect(s.grid).toBeUndefined();
    expect(s.problems?.[0]).toContain(
      'far.xlsx の xl/worksheets/sheet1.xml にセル A200000000 があります。扱えるのは 20,000 行・256 列までです。',
    );
  });

  const active: [string, Record<string, string | Uint8Array>, string][] = [
    [
      'a macro project stored as an image, named by its content type',
      {
        'xl/media/image9.png': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]),
        '[Content_Types].xml': '', // filled in below
      },
      'マクロ (VBA)',
    ],
    [
      'an external link at an unusual path, named by its relationship',
      {
        'xl/other/_rels/thing.xml.rels':
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="../../x/link.xml"/></Relationships>',
      },
      '外部ファイルへのリンク',
    ],
    [
      'an OLE object pointing outside the file',
      {
        'xl/worksheets/_rels/sheet1.xml.rels':
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="file:///C:/evil.exe" TargetMode="External"/></Relationships>',
      },
      '埋め込みオブジェクト',
    ],
  ];

  it.each(active)('%s is refused', async (_name, parts, label) => {
    const base = await simpleXlsx();
    const filled = { ...parts };
    if ('[Content_Types].xml' in filled) {
      const types = await partText(base, '[Content_Types].xml');
      filled['[Content_Types].xml'] = types.replace(
        '</Types>',
        '<Override PartName="/xl/media/image9.png" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
      );
    }
    const s = await submissionFromBytes('active.xlsx', await withParts(base, filled), 'x');
    expect(s.grid).toBeUndefined();
    expect(s.problems?.join('\n')).toContain(`active.xlsx には${label}が含まれているため受け付けません`);
  });

  it('an ordinary workbook still opens', async () => {
    const s = await submissionFromBytes('ok.xlsx', await simpleXlsx(), 'x');
    expect(s.problems).toBeUndefined();
    expect(s.grid).toBeDefined();
  });
});
