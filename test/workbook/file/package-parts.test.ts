import { FileWorkbook } from '../../../src/workbook/file/file-workbook';
import { inspectPackage, type UnsupportedKind } from '../../../src/workbook/file/package-parts';
import { caught, partText, simpleXlsx, withParts } from './helpers';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

function utf16WithBom(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

async function sheetWith(extra: string): Promise<Record<string, string>> {
  const xml = await partText(await simpleXlsx(), 'xl/worksheets/sheet1.xml');
  return { 'xl/worksheets/sheet1.xml': xml.replace('</worksheet>', `${extra}</worksheet>`) };
}

const cases: [string, UnsupportedKind, () => Promise<Record<string, string | Uint8Array>>][] = [
  ['a chart', 'chart', async () => ({ 'xl/charts/chart1.xml': `${XML}<c:chartSpace/>` })],
  ['a chart sheet', 'chart', async () => ({ 'xl/chartsheets/sheet1.xml': `${XML}<chartsheet/>` })],
  ['a pivot table', 'pivotTable', async () => ({ 'xl/pivotTables/pivotTable1.xml': `${XML}<pivotTableDefinition/>` })],
  ['a pivot cache', 'pivotTable', async () => ({ 'xl/pivotCache/pivotCacheDefinition1.xml': `${XML}<pivotCacheDefinition/>` })],
  ['threaded comments', 'threadedComment', async () => ({ 'xl/threadedComments/threadedComment1.xml': `${XML}<ThreadedComments/>` })],
  [
    'an external link',
    'externalLink',
    async () => ({ 'xl/externalLinks/externalLink1.xml': `${XML}<externalLink><externalBook r:id="rId1"/></externalLink>` }),
  ],
  [
    'a DDE link',
    'ddeLink',
    async () => ({ 'xl/externalLinks/externalLink1.xml': `${XML}<externalLink><ddeLink ddeService="Excel" ddeTopic="x"/></externalLink>` }),
  ],
  ['VBA', 'vba', async () => ({ 'xl/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) })],
  [
    'a Power Query (UTF-16 customXml)',
    'powerQuery',
    async () => ({
      'customXml/item1.xml': utf16WithBom(
        '<?xml version="1.0" encoding="utf-16"?><DataMashup xmlns="http://schemas.microsoft.com/DataMashup">AAAA</DataMashup>',
      ),
    }),
  ],
  ['a Power Query (UTF-8 customXml)', 'powerQuery', async () => ({ 'customXml/item2.xml': `${XML}<DataMashup>AAAA</DataMashup>` })],
  ['data connections', 'dataConnection', async () => ({ 'xl/connections.xml': `${XML}<connections/>` })],
  ['an embedded object', 'embeddedObject', async () => ({ 'xl/embeddings/oleObject1.bin': new Uint8Array([1, 2, 3]) })],
  ['a form control', 'formControl', async () => ({ 'xl/ctrlProps/ctrlProp1.xml': `${XML}<formControlPr/>` })],
  ['a slicer', 'slicer', async () => ({ 'xl/slicers/slicer1.xml': `${XML}<slicers/>` })],
  [
    'a text box',
    'shape',
    async () => ({
      'xl/drawings/drawing1.xml': `${XML}<xdr:wsDr><xdr:twoCellAnchor><xdr:sp macro="" textlink=""><xdr:txBody/></xdr:sp></xdr:twoCellAnchor></xdr:wsDr>`,
    }),
  ],
  [
    'an Excel 2010 validation list',
    'extendedValidation',
    () =>
      sheetWith(
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list"><x14:formula1><xm:f>一覧!$A$1:$A$5</xm:f></x14:formula1><xm:sqref>B2</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>',
      ),
  ],
  [
    'sparklines',
    'sparkline',
    () =>
      sheetWith(
        '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"><x14:sparklineGroups><x14:sparklineGroup/></x14:sparklineGroups></ext></extLst>',
      ),
  ],
];

describe('inspectPackage', () => {
  it('finds nothing in a plain workbook, which stays writable', async () => {
    const data = await simpleXlsx();
    expect(await inspectPackage(data, 'master.xlsx')).toEqual([]);
    const fw = await FileWorkbook.fromBuffer(data, 'master.xlsx');
    await fw.apply({ cells: [{ sheet: 'S', row: 0, col: 1, value: 2 }] });
    await expect(fw.toBuffer()).resolves.toBeInstanceOf(Uint8Array);
  });

  it('does not mistake pictures for shapes', async () => {
    const data = await withParts(await simpleXlsx(), {
      'xl/drawings/drawing1.xml': `${XML}<xdr:wsDr><xdr:oneCellAnchor><xdr:pic><xdr:spPr/></xdr:pic></xdr:oneCellAnchor></xdr:wsDr>`,
    });
    expect(await inspectPackage(data, 'master.xlsx')).toEqual([]);
  });

  it.each(cases)('finds %s, reads the workbook, and refuses to write it', async (_what, kind, parts) => {
    const data = await withParts(await simpleXlsx(), await parts());
    const found = await inspectPackage(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer, 'master.xlsx');
    expect(found.map((p) => p.kind)).toEqual([kind]);
    expect(found[0].paths.length).toBeGreaterThan(0);

    const fw = await FileWorkbook.fromBuffer(data, 'master.xlsx');
    expect(fw.unsupportedParts).toEqual(found);
    expect((await fw.read()).sheets[0].rows[0]).toEqual([{ value: '項目' }, { value: 1 }]);

    const onApply = await caught(() => fw.apply({ cells: [{ sheet: 'S', row: 0, col: 1, value: 2 }] }));
    expect(onApply).toMatchObject({ name: 'WorkbookError', code: 'unsupported-parts', file: 'master.xlsx' });
    expect(onApply.message).toContain(found[0].label);
    expect((await caught(() => fw.toBuffer())).code).toBe('unsupported-parts');
    // Nothing was applied.
    expect((await fw.read()).sheets[0].rows[0]).toEqual([{ value: '項目' }, { value: 1 }]);
  });

  it('names every kind found, in a fixed order, in one Japanese message', async () => {
    const data = await withParts(await simpleXlsx(), {
      'xl/pivotTables/pivotTable1.xml': `${XML}<pivotTableDefinition/>`,
      'xl/charts/chart1.xml': `${XML}<c:chartSpace/>`,
      'xl/charts/chart2.xml': `${XML}<c:chartSpace/>`,
    });
    const fw = await FileWorkbook.fromBuffer(data, 'master.xlsx');
    expect(fw.unsupportedParts.map((p) => [p.kind, p.paths.length])).toEqual([
      ['chart', 2],
      ['pivotTable', 1],
    ]);
    const err = await caught(() => fw.toBuffer());
    expect(err.message).toMatch(
      /^master\.xlsx にはグラフ、ピボットテーブルが含まれています。このまま保存すると失われるため、書き込みを中止しました。/,
    );
  });
});
