import JSZip from 'jszip';
import { FILE_LIMITS, type FileLimits } from './limits';
import * as messages from './messages';
import { indexOfBytes, looksLikeText, sniffContainer } from './signature';
import { kindsInContentTypes, kindsInRelationships } from './active-content';
import { extentScanner } from './extent';
import { asciiBytes, countTags, latin1, PartTooLarge } from './xml-scan';

/**
 * Parts of an .xlsx that ExcelJS does not model: it loads the workbook without them and
 * writes it back without them, silently. Finding them up front lets the adapter refuse
 * to save instead of destroying a department's chart or query.
 */
export type UnsupportedKind =
  | 'chart'
  | 'pivotTable'
  | 'slicer'
  | 'timeline'
  | 'threadedComment'
  | 'externalLink'
  | 'ddeLink'
  | 'vba'
  | 'powerQuery'
  | 'dataConnection'
  | 'dataModel'
  | 'embeddedObject'
  | 'activeX'
  | 'formControl'
  | 'smartArt'
  | 'shape'
  | 'sparkline'
  | 'extendedValidation';

export interface UnsupportedPart {
  kind: UnsupportedKind;
  /** Japanese name used in messages. */
  label: string;
  /** Zip entries that revealed it. */
  paths: string[];
}

export const UNSUPPORTED_LABELS: Readonly<Record<UnsupportedKind, string>> = {
  chart: 'グラフ',
  pivotTable: 'ピボットテーブル',
  slicer: 'スライサー',
  timeline: 'タイムライン',
  threadedComment: 'スレッド形式のコメント',
  externalLink: '外部ファイルへのリンク',
  ddeLink: 'DDE リンク',
  vba: 'マクロ (VBA)',
  powerQuery: 'Power Query のクエリ',
  dataConnection: '外部データ接続',
  dataModel: 'データモデル (Power Pivot)',
  embeddedObject: '埋め込みオブジェクト',
  activeX: 'ActiveX コントロール',
  formControl: 'フォームコントロール',
  smartArt: 'SmartArt',
  shape: '図形・テキストボックス',
  sparkline: 'スパークライン',
  extendedValidation: '拡張形式の入力規則 (別シートのリストを参照するものなど)',
};

/** Message order: the order of this record's keys. */
const KIND_ORDER = Object.keys(UNSUPPORTED_LABELS) as UnsupportedKind[];

const BY_PREFIX: [string, UnsupportedKind][] = [
  ['xl/charts/', 'chart'],
  ['xl/chartsheets/', 'chart'],
  ['xl/pivottables/', 'pivotTable'],
  ['xl/pivotcache/', 'pivotTable'],
  ['xl/slicers/', 'slicer'],
  ['xl/slicercaches/', 'slicer'],
  ['xl/timelines/', 'timeline'],
  ['xl/timelinecaches/', 'timeline'],
  ['xl/threadedcomments/', 'threadedComment'],
  ['xl/vbaproject.bin', 'vba'],
  ['xl/connections.xml', 'dataConnection'],
  ['xl/querytables/', 'dataConnection'],
  ['xl/model/', 'dataModel'],
  ['xl/embeddings/', 'embeddedObject'],
  ['xl/activex/', 'activeX'],
  ['xl/ctrlprops/', 'formControl'],
  ['xl/diagrams/', 'smartArt'],
];

const CELL_TAGS = ['<c ', '<c>', '<c/>'].map(asciiBytes);
const SHEET_EXTRAS: [Uint8Array, UnsupportedKind][] = [
  [asciiBytes('<x14:dataValidation'), 'extendedValidation'],
  [asciiBytes('<x14:sparklineGroup'), 'sparkline'],
];
const SHAPE_TAGS = ['<xdr:sp>', '<xdr:sp ', '<xdr:grpSp', '<xdr:cxnSp'].map(asciiBytes);
const DATA_MASHUP = [asciiBytes('DataMashup'), Uint8Array.from(Array.from(asciiBytes('DataMashup')).flatMap((b) => [b, 0]))];

export interface PackageReport {
  zip: JSZip;
  parts: UnsupportedPart[];
  /** Cell elements counted across worksheets (stops counting past the limit). */
  cells: number;
}

/** The uncompressed size the zip's directory states (JSZip keeps it on an internal field). */
function declaredSize(entry: JSZip.JSZipObject): number {
  const data = (entry as unknown as { _data?: { uncompressedSize?: number } })._data;
  // The field is 32-bit unsigned; JSZip reads it as signed, so 2–4 GB parts come back negative.
  return typeof data?.uncompressedSize === 'number' ? data.uncompressedSize >>> 0 : 0;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function partName(entry: JSZip.JSZipObject): string {
  return entry.name.replace(/^\/+/, '');
}

export function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Throws the WorkbookError that describes why these bytes are not a readable .xlsx. */
export function checkContainer(bytes: Uint8Array, fileName: string, limits: FileLimits): void {
  if (bytes.length > limits.maxBytes) throw messages.tooLarge(fileName, bytes.length, limits.maxBytes);
  switch (sniffContainer(bytes)) {
    case 'empty':
      throw messages.emptyFile(fileName);
    case 'xls':
      throw messages.legacyXls(fileName);
    case 'encrypted':
      throw messages.encrypted(fileName);
    case 'other':
      throw messages.notXlsx(fileName, looksLikeText(bytes));
    case 'zip':
      return;
  }
}

export async function examinePackage(bytes: Uint8Array, fileName: string, limits: FileLimits = FILE_LIMITS): Promise<PackageReport> {
  checkContainer(bytes, fileName, limits);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    throw messages.corrupt(fileName, err instanceof Error ? err.message : String(err));
  }
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  const names = new Set(entries.map((e) => partName(e).toLowerCase()));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('xl/workbook.bin')) throw messages.binaryXlsb(fileName);
    throw messages.notXlsx(fileName, false);
  }

  // Declared sizes first: nothing is inflated for a file whose directory admits to being a bomb.
  const maxPart = limits.maxPartBytes ?? Infinity;
  const maxTotal = limits.maxTotalBytes ?? Infinity;
  let declared = 0;
  for (const e of entries) {
    const size = declaredSize(e);
    declared += size;
    if (size > maxPart) throw messages.partTooLarge(fileName, partName(e), maxPart);
    if (declared > maxTotal) throw messages.partTooLarge(fileName, partName(e), maxTotal, true);
  }
  // Then actual sizes, while inflating: the directory may lie.
  let inflated = 0;
  const bounded = async <T>(e: JSZip.JSZipObject, scan: (maxBytes: number) => Promise<T>): Promise<T> => {
    const allowed = Math.min(maxPart, maxTotal - inflated);
    try {
      return await scan(allowed);
    } catch (err) {
      if (err instanceof PartTooLarge)
        throw messages.partTooLarge(fileName, partName(e), allowed === maxPart ? maxPart : maxTotal, allowed !== maxPart);
      throw err;
    }
  };
  /** Inflates a part within the limits; keeps its bytes only when asked. */
  const inflate = async (e: JSZip.JSZipObject, keep: boolean): Promise<Uint8Array> => {
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    await bounded(e, (maxBytes) =>
      countTags(e, [], {
        maxBytes,
        onChunk: (buf) => {
          bytes += buf.length;
          if (keep) chunks.push(buf.slice());
          return false;
        },
      }),
    );
    inflated += bytes;
    return concat(chunks);
  };
  // Markup is ASCII; names in other scripts only appear in messages, as their bytes.
  const text = async (e: JSZip.JSZipObject): Promise<string> => latin1(await inflate(e, true));
  const maxRow = limits.maxRow ?? Infinity;
  const maxCol = limits.maxCol ?? Infinity;

  const found = new Map<UnsupportedKind, string[]>();
  const note = (kind: UnsupportedKind, path: string) => {
    const paths = found.get(kind) ?? [];
    paths.push(path);
    found.set(kind, paths);
  };
  let cells = 0;

  for (const entry of entries) {
    const path = partName(entry);
    const lower = path.toLowerCase();
    for (const [prefix, kind] of BY_PREFIX) if (lower.startsWith(prefix)) note(kind, path);

    if (/^xl\/worksheets\/[^/]+\.xml$/.test(lower)) {
      const patterns = [...CELL_TAGS, ...SHEET_EXTRAS.map(([p]) => p)];
      const cellRoom = limits.maxCells - cells;
      const cellCount = (counts: readonly number[]) => counts[0] + counts[1] + counts[2];
      const scanner = extentScanner(maxRow, maxCol);
      let bytes = 0;
      const onChunk = (buf: Uint8Array) => {
        bytes += buf.length;
        return scanner.onChunk(buf);
      };
      const counts = await bounded(entry, (maxBytes) =>
        countTags(entry, patterns, { maxBytes, stopWhen: (c) => cellCount(c) > cellRoom, onChunk }),
      );
      inflated += bytes;
      if (scanner.extent.beyond) throw messages.beyondExtent(fileName, path, scanner.extent.beyond, maxRow, maxCol);
      cells += cellCount(counts);
      SHEET_EXTRAS.forEach(([, kind], i) => {
        if (counts[CELL_TAGS.length + i] > 0) note(kind, path);
      });
    } else if (/^xl\/drawings\/[^/]+\.xml$/.test(lower)) {
      let bytes = 0;
      const counts = await bounded(entry, (maxBytes) =>
        countTags(entry, SHAPE_TAGS, { maxBytes, onChunk: (buf) => void (bytes += buf.length) }),
      );
      inflated += bytes;
      if (counts.some((n) => n > 0)) note('shape', path);
    } else if (/^xl\/externallinks\/[^/]+\.xml$/.test(lower)) {
      note(/<(\w+:)?ddeLink[\s>]/.test(await text(entry)) ? 'ddeLink' : 'externalLink', path);
    } else if (/^customxml\/[^/]+\.xml$/.test(lower)) {
      const data = await inflate(entry, true);
      if (DATA_MASHUP.some((p) => indexOfBytes(data, p) >= 0)) note('powerQuery', path);
    } else if (lower === '[content_types].xml') {
      for (const k of kindsInContentTypes(await text(entry))) note(k.kind, k.where);
    } else if (lower.endsWith('.rels')) {
      for (const k of kindsInRelationships(await text(entry), path)) note(k.kind, k.where);
    } else {
      // Every other part is inflated once here too, so the sizes ExcelJS will meet are known.
      await inflate(entry, false);
    }
  }

  const parts = KIND_ORDER.flatMap((kind) => {
    const paths = found.get(kind);
    return paths ? [{ kind, label: UNSUPPORTED_LABELS[kind], paths }] : [];
  });
  return { zip, parts, cells };
}

/**
 * Lists what ExcelJS would drop from this .xlsx. Throws the same WorkbookError as opening
 * would when the bytes are not a readable .xlsx (or exceed FILE_LIMITS).
 */
export async function inspectPackage(data: ArrayBuffer | Uint8Array, fileName: string): Promise<UnsupportedPart[]> {
  const report = await examinePackage(toBytes(data), fileName, FILE_LIMITS);
  if (report.cells > FILE_LIMITS.maxCells) throw messages.tooManyCells(fileName, report.cells, FILE_LIMITS.maxCells);
  return report.parts;
}
