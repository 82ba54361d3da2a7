import { compile, type SubmissionInput } from '../../../src/plan/compile';
import { canonical } from '../../../src/plan/compile/fields';
import { readHistory, readStatus } from '../../../src/plan/compile/ledger';
import { analyze } from '../../../src/plan/engine';
import { cellAt, type WorkbookGrid } from '../../../src/plan/grid';
import { cellKeyAt } from '../../../src/plan/keys';
import { narrativeOf } from '../../../src/plan/contribution/reason-lines';
import { viewMaster } from '../../../src/plan/split';
import { applyEdits, clone, manifestOf, split2024, type Split2024 } from './helpers';

const NOW = '2025-05-12 09:00:00';
const opts = { now: NOW, masterFile: 'master-2023.xlsx' };

function cell(grid: WorkbookGrid, sheet: string, row: number, col: number) {
  return cellAt(
    grid.sheets.find((s) => s.name === sheet)!,
    row,
    col,
  );
}

describe('compile: the FY2024 round trip on the FY2023 sample', () => {
  let s: Split2024;
  let out: WorkbookGrid;
  let result: ReturnType<typeof compile>;
  beforeAll(async () => {
    s = await split2024();
    result = compile(s.master, [...s.filledByDept.values()], opts);
    out = applyEdits(s.master, result.edits);
  });

  it('takes every department’s file and lists every department as 提出済', () => {
    expect(result.year).toBe(2024);
    expect(result.rejected).toEqual([]);
    expect(result.conflicts).toEqual([]);
    expect(result.missingDepartments).toEqual([]);
    const status = readStatus(out);
    expect(status.size).toBe(s.split.departments.length);
    expect([...status.values()].every((r) => r.status === '提出済' && r.errors === 0 && r.time === NOW)).toBe(true);
  });

  it('holds exactly the values the departments entered', () => {
    const view = viewMaster(out, 2024);
    const rows = view.byKey;
    let checked = 0;
    for (const sub of s.filledByDept.values()) {
      const m = manifestOf(sub.grid!);
      for (const input of m.inputs) {
        if (input.field === 'contribName' || input.field === 'contribValue') continue;
        const row = rows.get(input.key)!;
        const ref = row.inputs[input.field]!;
        const entered = cell(sub.grid!, input.sheet, input.row, input.col);
        const now = cell(out, ref.sheet, ref.row, ref.col);
        const shared = row.kind !== 'project' && row.shared;
        if (shared && input.field === 'actual') continue; // the sum of the contributions (next test)
        if (shared && input.field === 'reason') {
          expect(narrativeOf(String(now?.value))).toBe(narrativeOf(String(entered?.value)));
        } else {
          expect(canonical(input.field, now)).toBe(canonical(input.field, entered));
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('sums contribution rows into the shared indicator and writes the ◆ lines', () => {
    const view = viewMaster(out, 2024);
    const ict = view.rows.find((r) => r.key.startsWith('ind:3:ICT活用'))!;
    const parts: number[] = [];
    for (const dept of ['市民・NPO活動推進課', '健康長寿課', '中央公民館']) {
      const sub = s.filledByDept.get(dept)!;
      const input = manifestOf(sub.grid!).inputs.find((i) => i.field === 'contribValue' && i.key.includes('ICT活用'))!;
      parts.push(Number(cell(sub.grid!, input.sheet, input.row, input.col)!.value));
    }
    const total = parts.reduce((a, b) => a + b, 0);
    expect(cell(out, ict.sheet, ict.inputs.actual!.row, ict.inputs.actual!.col)!.value).toBe(`${total}人`);
    const reason = String(cell(out, ict.sheet, ict.inputs.reason!.row, ict.inputs.reason!.col)!.value);
    expect(reason).toContain(`◆町内会DX推進実証事業（市民・NPO活動推進課） ${parts[0]}人`);
    expect(reason).toContain(`◆スマートシニア応援事業（健康長寿課） ${parts[1]}人`);
    expect(reason).toContain(`◆中央公民館定期講座（中央公民館） ${parts[2]}人`);
  });

  it('rolls the 実施計画 over to FY2024', () => {
    expect(cell(out, '実施計画', 1, 4)!.value).toBe('取組状況（2024）');
    expect(result.notices.map((n) => n.text).join()).toContain('実施計画を2023年度から2024年度に切り替え');
  });

  it('leaves no error in OUT but the one the published FY2023 data already has (SDGs 11.8)', () => {
    const before = analyze(s.master, { year: 2023 }).findings.filter((f) => f.severity === 'error');
    expect(before.map((f) => f.rule)).toEqual(['sdgs-target']);
    const after = analyze(out, { year: 2024 }).findings.filter((f) => f.severity === 'error');
    expect(after.map((f) => `${f.rule} ${cellKeyAt(f.sheet, f.cell)}`)).toEqual(
      before.map((f) => `${f.rule} ${cellKeyAt(f.sheet, f.cell)}`),
    );
    expect(after[0].message).toContain('11.8');
  });

  it('records every change in the 提出履歴, with file, SHA-256, cell, old and new value', () => {
    const history = readHistory(out);
    const row = history.find((h) => h.department === '河川課' && h.item.includes('実績値'))!;
    expect(row).toMatchObject({ time: NOW, file: '河川課.xlsx', sha256: 'sha-河川課', sheet: '基本施策4', old: '' });
    expect(row.value).toMatch(/%$/);
    expect(history.filter((h) => h.department !== '（取りまとめ）' && h.department !== '（内訳の合計）').length).toBe(result.applied);
  });

  it('changes nothing the second time, not even the history', () => {
    const again = compile(out, [...s.filledByDept.values()], opts);
    expect(again.applied).toBe(0);
    expect(again.edits.cells.filter((c) => c.value !== undefined)).toEqual([]);
    const out2 = applyEdits(out, again.edits);
    const added = readHistory(out2).slice(readHistory(out).length);
    expect(added).toEqual([]);
    expect(readStatus(out2)).toEqual(readStatus(out));
  });
});

describe('compile: merge rules', () => {
  let s: Split2024;
  beforeAll(async () => {
    s = await split2024();
  });

  function edited(sub: SubmissionInput, key: string, field: string, value: string | number): SubmissionInput {
    const grid = clone(sub.grid!);
    const input = manifestOf(grid).inputs.find((i) => i.key === key && i.field === field)!;
    grid.sheets.find((x) => x.name === input.sheet)!.rows[input.row][input.col] = { value };
    return { ...sub, grid, sha256: `${sub.sha256}+${field}=${value}` };
  }

  const RIVER = 'ind:4:河川愛護団体による除草等河川管理率#0';

  function masterWith(value: string): WorkbookGrid {
    const view = viewMaster(s.master, 2024);
    const ref = view.rows.find((r) => r.key === RIVER)!.inputs.reason!;
    const m = clone(s.master);
    m.sheets.find((x) => x.name === ref.sheet)!.rows[ref.row][ref.col] = { value };
    return m;
  }

  it('keeps the master’s value on a conflict and lists it; --prefer submission takes the file’s', () => {
    const master = masterWith('取りまとめ課が直した文');
    const sub = s.filledByDept.get('河川課')!;
    const r = compile(master, [sub], opts);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ department: '河川課', sheet: '基本施策4', master: '取りまとめ課が直した文', kept: 'master' });
    const out = applyEdits(master, r.edits);
    const ref = viewMaster(out, 2024).rows.find((x) => x.key === RIVER)!.inputs.reason!;
    expect(cell(out, ref.sheet, ref.row, ref.col)!.value).toBe('取りまとめ課が直した文');
    const p = compile(master, [sub], { ...opts, prefer: 'submission' });
    expect(p.conflicts[0].kept).toBe('submission');
    expect(cell(applyEdits(master, p.edits), ref.sheet, ref.row, ref.col)!.value).toBe(p.conflicts[0].submission);
    // The 提出履歴 says what happened to the cell: kept (old = new = the master's), or taken.
    const historyOf = (result: typeof r) =>
      result.edits.appends![0].rows.find((h) => h[1] === '河川課' && h[4] === ref.sheet && h[5] === r.conflicts[0].cell);
    expect(historyOf(r)).toMatchObject({
      6: expect.stringContaining('競合のため取り込まず'),
      7: '取りまとめ課が直した文',
      8: '取りまとめ課が直した文',
    });
    expect(historyOf(p)).toMatchObject({ 7: '取りまとめ課が直した文', 8: p.conflicts[0].submission });
    expect(String(historyOf(p)![6])).not.toContain('競合のため取り込まず');
  });

  it('is no conflict when master and file changed a cell to the same value', () => {
    const sub = s.filledByDept.get('河川課')!;
    const mine = manifestOf(sub.grid!).inputs.find((i) => i.key === RIVER && i.field === 'reason')!;
    const typed = String(cell(sub.grid!, mine.sheet, mine.row, mine.col)!.value);
    const r = compile(masterWith(typed), [sub], opts);
    expect(r.conflicts).toEqual([]);
  });

  it('takes a corrected resubmission over the department’s own earlier one without a conflict', () => {
    const first = s.filledByDept.get('河川課')!;
    const out1 = applyEdits(s.master, compile(s.master, [first], opts).edits);
    const second = edited(first, RIVER, 'reason', '訂正した文');
    const r = compile(out1, [second], opts);
    expect(r.conflicts).toEqual([]);
    expect(r.applied).toBe(1);
  });

  it('reports and ignores a value in a row the department no longer owns', () => {
    const view = viewMaster(s.master, 2024);
    const row = view.rows.find((r) => r.key === RIVER)!;
    const master = clone(s.master);
    if (row.kind === 'project') throw new Error(`${RIVER} is an indicator row`);
    const dep = row.indicator.department!.ref;
    master.sheets.find((x) => x.name === dep.sheet)!.rows[dep.row][dep.col] = { value: '道路維持課' };
    const r = compile(master, [s.filledByDept.get('河川課')!], opts);
    expect(r.rejected).toEqual([]);
    const msgs = r.submissions[0].messages.map((m) => m.text).join('\n');
    expect(msgs).toContain('河川課.xlsx のシート「基本施策4」セル H');
    expect(msgs).toContain('担当は取りまとめ用ブックでは「道路維持課」のため、取り込みませんでした');
    const out = applyEdits(master, r.edits);
    expect(cell(out, row.sheet, row.inputs.actual!.row, row.inputs.actual!.col)?.value ?? '').toBe('');
  });

  it('sets aside two files of one department, naming both', () => {
    const a = s.filledByDept.get('河川課')!;
    const b = { ...edited(a, RIVER, 'reason', '別の版'), file: '河川課 (2).xlsx' };
    const r = compile(s.master, [a, b, s.filledByDept.get('市民課')!], opts);
    expect(r.rejected.map((x) => x.file).sort()).toEqual(['河川課 (2).xlsx', '河川課.xlsx']);
    for (const x of r.rejected)
      expect(x.reasons.map((y) => y.text).join()).toContain('河川課のファイルが 2 件あります（河川課 (2).xlsx、河川課.xlsx）');
    expect(r.submissions.filter((x) => x.status === 'setAside')).toHaveLength(2);
    expect(r.applied).toBeGreaterThan(0); // 市民課 still goes in
  });

  it('infers the year from the files, and refuses a tie', () => {
    const r = compile(s.master, [s.filledByDept.get('市民課')!], opts);
    expect(r.year).toBe(2024);
    expect(compile(s.master, [], opts).year).toBe(2023);
  });
});
