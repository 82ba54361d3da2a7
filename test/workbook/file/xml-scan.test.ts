import JSZip from 'jszip';
import { asciiBytes, countTags } from '../../../src/workbook/file/xml-scan';

async function entryOf(text: string): Promise<JSZip.JSZipObject> {
  const zip = new JSZip();
  zip.file('x.xml', text);
  const loaded = await JSZip.loadAsync(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  return loaded.file('x.xml')!;
}

describe('countTags', () => {
  it('counts exactly, including tags split across inflate chunks', async () => {
    const parts: string[] = [];
    let cells = 0;
    let cols = 0;
    for (let i = 0; i < 60_000; i++) {
      // Varying lengths move the tags across every chunk boundary position.
      if (i % 7 === 0) {
        parts.push(`<col min="${i}"/>`);
        cols++;
      } else {
        parts.push(`<c r="A${i}"><v>${'9'.repeat(i % 13)}</v></c>`);
        cells++;
      }
      if (i % 11 === 0) {
        parts.push('<c/>');
        cells++;
      }
    }
    const counts = await countTags(await entryOf(parts.join('')), ['<c ', '<c/>', '<col'].map(asciiBytes));
    expect(counts).toEqual([cells - Math.ceil(60_000 / 11), Math.ceil(60_000 / 11), cols]);
  });

  it('stops early once told to', async () => {
    const entry = await entryOf('<c r="A1"/>'.repeat(200_000));
    const counts = await countTags(entry, [asciiBytes('<c ')], { stopWhen: (c) => c[0] > 10 });
    expect(counts[0]).toBeGreaterThan(10);
    expect(counts[0]).toBeLessThan(200_000);
  });
});
