import { compile, CompileError, type SubmissionInput } from '../../../src/plan/compile';
import type { GridCell, WorkbookGrid } from '../../../src/plan/grid';
import { a1 } from '../../../src/plan/grid';
import { splitMaster } from '../../../src/plan/split';
import {
  applyEdits,
  clone,
  contentOf,
  departmentGrid,
  filled,
  manifestOf,
  setValue,
  split2024,
  submission,
  withManifest,
  type Split2024,
} from './helpers';

const opts = { now: '2025-05-12 09:00:00', masterFile: 'master-2023.xlsx' };

describe('compile rejects a whole file, with every reason and cell named', () => {
  let s: Split2024;
  let good: SubmissionInput;
  let clean: ReturnType<typeof compile>;
  beforeAll(async () => {
    s = await split2024();
    good = s.filledByDept.get('生涯学習課')!;
    clean = compile(s.master, [s.filledByDept.get('市民課')!], opts);
  });

  function grid(): WorkbookGrid {
    return clone(good.grid!);
  }

  function input(field: string) {
    return manifestOf(good.grid!).inputs.find((i) => i.field === field)!;
  }

  /** Rejected, with these texts among its reasons, and OUT as if the file had not been given. */
  function rejected(g: WorkbookGrid, ...texts: string[]): string[] {
    const bad = submission(g, '生涯学習課.xlsx', 'sha-bad');
    const r = compile(s.master, [s.filledByDept.get('市民課')!, bad], { ...opts, year: 2024 });
    const entry = r.rejected.find((x) => x.file === '生涯学習課.xlsx');
    expect(entry).toBeDefined();
    const reasons = entry!.reasons.map((x) => x.text);
    for (const t of texts) expect(reasons.join('\n')).toContain(t);
    for (const reason of reasons) expect(reason.startsWith('生涯学習課.xlsx')).toBe(true);
    const skip = ['提出履歴', '提出状況'];
    expect(contentOf(applyEdits(s.master, r.edits), skip)).toEqual(contentOf(applyEdits(s.master, clean.edits), skip));
    return reasons;
  }

  it('a locked cell changed', () => {
    // 基本施策1 row 5 (0-based 4) is the first indicator row; column A is its name.
    rejected(
      setValue(grid(), '基本施策1', 4, 0, '書き換えた指標名'),
      'のシート「基本施策1」',
      'セル A5 は変更できないセルですが、内容が変わっています（現在: 「書き換えた指標名」）',
    );
  });

  it('a row inserted', () => {
    const g = grid();
    const sheet = g.sheets.find((x) => x.name === '実施計画')!;
    sheet.rows.splice(3, 0, [{ value: '挿入した行' }]);
    rejected(g, 'のシート「実施計画」', '4行目に行が挿入されています');
  });

  it('a row deleted', () => {
    const g = grid();
    g.sheets.find((x) => x.name === '実施計画')!.rows.splice(3, 1);
    rejected(g, 'のシート「実施計画」', '元の4行目が削除されています');
  });

  it('a sheet renamed, and a sheet deleted', () => {
    const g = grid();
    g.sheets.find((x) => x.name === '基本施策1')!.name = '施策1';
    rejected(g, 'シート「基本施策1」の名前が「施策1」に変えられています');
    const h = grid();
    h.sheets = h.sheets.filter((x) => x.name !== '基本施策2');
    rejected(h, 'シート「基本施策2」がありません');
  });

  it('a sheet added', () => {
    const g = grid();
    g.sheets.push({ name: 'メモ', rows: [[{ value: 'x' }]] });
    rejected(g, 'シート「メモ」が追加されています');
  });

  it('a value written outside the table', () => {
    rejected(setValue(grid(), '基本施策1', 40, 3, 'はみ出し'), 'セル D41 は記入する範囲の外ですが、値が入っています');
  });

  it('the hidden sheet edited (checksum)', () => {
    const g = grid();
    const meta = g.sheets.find((x) => x.name === '_shinchoku')!;
    meta.rows[4] = [{ value: 'department' }, { value: '河川課' }];
    rejected(g, '管理用の隠しシートの内容が変更されています');
  });

  it('another fiscal year', () => {
    const fy2025 = splitMaster(s.master, { year: 2025 }).departments.find((d) => d.department === '生涯学習課')!;
    rejected(filled(departmentGrid(fy2025)), '2025年度のファイルです。今回の取りまとめは2024年度です');
  });

  it('another plan, another template version, an unknown department', () => {
    rejected(
      withManifest(grid(), (m) => (m.plan = '第三次郡山市協働推進基本計画')),
      '別の計画「第三次郡山市協働推進基本計画」のファイルです',
    );
    rejected(
      withManifest(grid(), (m) => (m.templateVersion = '0')),
      'テンプレートの版 (0) が取りまとめ用ブックの版 (1) と違います',
    );
    rejected(
      withManifest(grid(), (m) => (m.department = '架空課')),
      '課「架空課」は取りまとめ用ブックに担当の行がありません',
    );
  });

  it('not a department workbook at all (the master itself)', () => {
    const r = compile(s.master, [submission(clone(s.master), 'master-copy.xlsx')], opts);
    expect(r.rejected[0].reasons[0].text).toContain('master-copy.xlsx: 各課の提出用ファイルではありません');
  });

  it('a validation error in an input cell (a figure that is not a number)', () => {
    const i = input('actual');
    rejected(
      setValue(grid(), i.sheet, i.row, i.col, '不明'),
      `のシート「${i.sheet}」セル ${a1(i.row, i.col)}`,
      '「不明」を数値として読めません',
    );
  });

  it('an achievement not among the four levels', () => {
    const i = input('achievement');
    rejected(setValue(grid(), i.sheet, i.row, i.col, '5 すごくできた'), 'は1～4のいずれでもありません');
  });

  it('a DDE payload in a formula', () => {
    const i = input('reason');
    const dde: GridCell = { value: '0', formula: "cmd|' /C calc'!A0" };
    rejected(
      setValue(grid(), i.sheet, i.row, i.col, dde),
      `セル ${a1(i.row, i.col)} の数式「=cmd|' /C calc'!A0」は DDE で外部のプログラムを呼び出すもの`,
    );
  });

  it('a string over Excel’s 32,767-character limit', () => {
    const i = input('status');
    rejected(
      setValue(grid(), i.sheet, i.row, i.col, 'あ'.repeat(32_768)),
      '文字数 (32,768 文字) が Excel の上限 32,767 文字を超えています',
    );
  });

  it('control characters', () => {
    const i = input('reason');
    rejected(setValue(grid(), i.sheet, i.row, i.col, '実施した\u0007'), '制御文字 (U+0007) が含まれています');
  });

  it('a problem found while opening (passed in by the caller)', () => {
    const r = compile(s.master, [{ file: 'x.xlsx', sha256: '', problems: ['x.xlsx は .xlsx 形式ではありません。'] }], opts);
    expect(r.rejected.map((x) => ({ file: x.file, reasons: x.reasons.map((y) => y.text) }))).toEqual([
      { file: 'x.xlsx', reasons: ['x.xlsx は .xlsx 形式ではありません。'] },
    ]);
    expect(r.submissions[0].status).toBe('rejected');
  });

  it('marks the department 差戻し in 提出状況', () => {
    const i = input('actual');
    const bad = submission(setValue(grid(), i.sheet, i.row, i.col, '不明'), '生涯学習課.xlsx', 'sha-bad');
    const r = compile(s.master, [bad], opts);
    const status = r.edits.sheets!.find((x) => x.name === '提出状況')!;
    const row = status.rows.find((x) => x[0] === '生涯学習課')!;
    expect(row.slice(0, 3)).toEqual(['生涯学習課', '差戻し', 1]);
    expect(r.missingDepartments).toContain('生涯学習課');
  });
});

describe('compile accepts plain data that only looks like code', () => {
  let s: Split2024;
  beforeAll(async () => {
    s = await split2024();
  });

  it('takes a formula’s cached value, with a warning, never the formula', () => {
    const sub = s.filledByDept.get('市民課')!;
    const i = manifestOf(sub.grid!).inputs.find((x) => x.field === 'status')!;
    const g = setValue(sub.grid!, i.sheet, i.row, i.col, { value: '計算した文', formula: 'CONCAT("計算","した文")' });
    const r = compile(s.master, [submission(g, '市民課.xlsx')], opts);
    expect(r.rejected).toEqual([]);
    expect(r.submissions[0].messages.map((m) => m.text).join()).toContain(
      '数式「=CONCAT("計算","した文")」は取り込まず、表示されていた値 「計算した文」 を取り込みました',
    );
    const written = r.edits.cells.filter((c) => c.value === '計算した文');
    expect(written).toHaveLength(1);
  });

  it('stores text beginning with = + - @ tab or CR as literal text', () => {
    const sub = s.filledByDept.get('市民課')!;
    const i = manifestOf(sub.grid!).inputs.find((x) => x.field === 'status')!;
    for (const text of ['=HYPERLINK("http://x","y")', '+1', '-会議', '@SUM(A1)', '\t字下げ', '\r改行']) {
      const r = compile(s.master, [submission(setValue(sub.grid!, i.sheet, i.row, i.col, text), '市民課.xlsx')], opts);
      expect(r.rejected).toEqual([]);
      const edit = r.edits.cells.find((c) => c.value === text)!;
      expect(typeof edit.value).toBe('string');
    }
  });
});

describe('compile refuses to start', () => {
  it('when the files’ years are evenly split and no --year is given', async () => {
    const s = await split2024();
    const fy2025 = splitMaster(s.master, { year: 2025 }).departments.find((d) => d.department === '河川課')!;
    const subs = [s.filledByDept.get('市民課')!, submission(filled(departmentGrid(fy2025)), '河川課2025.xlsx')];
    expect(() => compile(s.master, subs, opts)).toThrow(CompileError);
    expect(() => compile(s.master, subs, opts)).toThrow('2024年度・2025年度 で同じ数ずつに分かれています');
    expect(compile(s.master, subs, { ...opts, year: 2024 }).rejected.map((r) => r.file)).toEqual(['河川課2025.xlsx']);
  });

  it('when the master is a department workbook', async () => {
    const s = await split2024();
    expect(() => compile(s.filledByDept.get('市民課')!.grid!, [], opts)).toThrow('は各課の記入用ファイルです');
  });
});
