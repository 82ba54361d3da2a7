import fc from 'fast-check';
import { cellHash, decodeRowHashes, encodeRowHashes } from '../../../src/plan/split/fingerprint';
import { fnv1a64 } from '../../../src/plan/split/hash';
import { manifestRows, readManifest, type Manifest } from '../../../src/plan/split/manifest';
import { departmentFileName, ownerOf } from '../../../src/plan/split/owners';
import { planDepartments } from '../../../src/plan/departments';
import { DEFAULT_PLAN } from '../../../src/plan/definition/default';

// The shipped plan's coordinator and 課, as every master without a definition of its own uses.
const SHIPPED = planDepartments(DEFAULT_PLAN);

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64 test vectors (UTF-8 bytes)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
    expect(fnv1a64('日本')).toBe('121d7e35a6d3ce91');
  });

  it('hashes astral characters as 4-byte UTF-8', () => {
    expect(fnv1a64('𠮷')).not.toBe(fnv1a64('\ud842'));
  });
});

describe('fingerprints', () => {
  it('treat an empty string like an empty cell, and a number unlike its text', () => {
    expect(cellHash({ value: '' })).toBe(cellHash(null));
    expect(cellHash({ value: 1 })).not.toBe(cellHash({ value: '1' }));
    expect(cellHash({ value: 'a\r\nb' })).toBe(cellHash({ value: 'a\nb' }));
    expect(cellHash({ value: 3, formula: 'A1' })).not.toBe(cellHash({ value: 3 }));
  });

  it('store rows compactly and read them back', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('0', '-', 'abcd0123abcd0123')), (hashes) => {
        expect(decodeRowHashes(encodeRowHashes(hashes), hashes.length)).toEqual(hashes);
      }),
    );
  });
});

describe('ownerOf: departments matched by 課 name', () => {
  it.each([
    ['教育総務部生涯学習課', '生涯学習課'],
    ['生涯学習課', '生涯学習課'],
    ['政策統計課 (2022年11月1日から) DX戦略課', 'DX戦略課'],
    ['各課（市民・NPO活動推進課取りまとめ）', '市民・NPO活動推進課'],
    ['各課 (市民・NPO活動推進課取りまとめ)', '市民・NPO活動推進課'],
    ['各課', '市民・NPO活動推進課'],
    ['こども子育て給付課', '子育て給付課'],
    ['保健福祉部保健所健康政策課', '健康政策課'],
    ['学校教育部総合教育支援センター', '総合教育支援センター'],
  ])('%s → %s', (text, key) => {
    expect(ownerOf(text, SHIPPED)).toBe(key);
  });

  it('gives no owner to an empty cell, and a safe file name to any name', () => {
    expect(ownerOf('  ', SHIPPED)).toBeUndefined();
    expect(departmentFileName('市民・NPO活動推進課')).toBe('市民・NPO活動推進課.xlsx');
    expect(departmentFileName('a/b:c')).toBe('a_b_c.xlsx');
  });
});

describe('manifest', () => {
  const m: Manifest = {
    plan: '第二次郡山市協働推進基本計画',
    templateVersion: '1',
    fiscalYear: 2024,
    department: '河川課',
    sheets: [{ name: '基本施策4', rows: 3, cols: 14 }],
    rows: [{ sheet: '基本施策4', row: 2, key: 'ind:4:x#0' }],
    inputs: [{ sheet: '基本施策4', row: 2, col: 7, key: 'ind:4:x#0', field: 'actual', base: '' }],
    locks: [{ sheet: '基本施策4', row: 2, hashes: '0 abc -' }],
  };
  const grid = (rows: ReturnType<typeof manifestRows>) => ({
    source: 'x.xlsx',
    sheets: [{ name: '_shinchoku', rows: rows.map((r) => r.map((value) => (value === '' ? null : { value }))) }],
  });

  it('round-trips, empty base values included', () => {
    const read = readManifest(grid(manifestRows(m)));
    expect(read.problems).toEqual([]);
    expect(read.manifest).toMatchObject({ ...m, inputs: [{ ...m.inputs[0], base: '' }] });
  });

  it('notices an edited entry through the checksum', () => {
    const rows = manifestRows(m);
    rows[4] = ['department', '道路維持課'];
    expect(readManifest(grid(rows)).problems.join()).toContain('管理用の隠しシートの内容が変更されています');
  });
});
