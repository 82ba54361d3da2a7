import { canonCell, canonValue, parseContributionKey, readManifest, type Manifest } from './department-workbook';
import { DEFAULT_JUMP_RATIO } from './engine';
import type { Finding, Severity } from './findings';
import { a1, cellAt, type WorkbookGrid } from './grid';
import { cellKey, cellKeyAt } from './keys';
import { resolveDefinition } from './definition/stored';
import { recognize } from './recognize';
import { readSubmitted, type Submitted } from './compile/values';
import { verifyStructure } from './compile/verify';
import { said, type Said } from './messages';
import { finding } from './rules';
import { checkValue, validate } from './validate';
import { parseCell } from './value';

/**
 * One verdict on a department workbook: what compile will do with it. `check` on a
 * department workbook, the pane's 提出前チェック and compile all call departmentVerdict, so
 * the clerk is told before submitting exactly what the coordinator will be told after.
 */
export type VerdictStatus = '提出可' | '未記入' | '差戻し';

/** Who can act on a finding: the clerk (an input cell, or something done to the file) or the coordinator. */
export type Fixer = 'clerk' | 'coordinator';

export const ASK_COORDINATOR = '取りまとめ担当に連絡してください。';

export interface VerdictFinding {
  severity: Severity;
  fixer: Fixer;
  /** Rule id of the plan's checks, or the verdict's own (`manifest`, `identity`, `structure`, `value`, `signature`, `contribution`). */
  rule: string;
  sheet?: string;
  /** A1 address, when the finding is about one cell. */
  cell?: string;
  /** Japanese, a full sentence; a coordinator's finding ends with 「取りまとめ担当に連絡してください。」. */
  message: string;
  /** The same sentence by id and params (`text` is `message`), for a surface in another language. */
  said: Said;
}

export interface DepartmentVerdict {
  status: VerdictStatus;
  /** One Japanese line that says the status and why. */
  headline: string;
  /** The headline by id and params (`text` is `headline`). */
  headlineSaid: Said;
  department?: string;
  fiscalYear?: number;
  /** Errors first, then warnings, each in the order found. */
  findings: VerdictFinding[];
  /** Input cells that differ from when the workbook was made. */
  entered: number;
  /** For compile: the manifest and the input values, when the workbook could be read cell by cell. */
  manifest?: Manifest;
  values: Submitted[];
}

/** What only the master knows; without it (check on the clerk's side) these checks are left out. */
export interface MasterContext {
  year: number;
  templateVersion: string;
  /** The plan the master is for (its definition's name). */
  planName: string;
  /** Departments that have rows in the master. */
  departments: readonly string[];
  /** Whether the keyed signature matched the master's secret; undefined: the master has no secret. */
  authentic?: boolean;
}

export interface VerdictOptions {
  jumpRatio?: number;
  master?: MasterContext;
}

/** A sentence only the coordinator can act on: it says so (and, `locked`, that the cell cannot be changed). */
function coordinator(s: Said, ask: 'coordinator' | 'locked' = 'coordinator'): Said {
  const text = ask === 'locked' ? `${s.text}（このセルは変更できません）` : s.text;
  return { ...s, ask, text: text.endsWith(ASK_COORDINATOR) ? text : `${text}${ASK_COORDINATOR}` };
}

/** A finding worded by `s` (its Japanese is the message). */
function found(severity: Severity, fixer: Fixer, rule: string, s: Said, sheet?: string, cell?: string): VerdictFinding {
  return { severity, fixer, rule, sheet, cell, message: s.text, said: s };
}

function identity(m: Manifest, ctx: MasterContext): Said[] {
  const out: Said[] = [];
  if (m.plan !== ctx.planName) out.push(said('other-plan', { plan: m.plan, expected: ctx.planName }));
  if (m.templateVersion !== ctx.templateVersion) {
    out.push(said('other-template', { version: m.templateVersion, expected: ctx.templateVersion }));
  }
  if (m.fiscalYear !== ctx.year) out.push(said('other-year', { year: m.fiscalYear, expected: ctx.year }));
  if (!ctx.departments.includes(m.department)) out.push(said('department-not-in-master', { department: m.department }));
  return out;
}

/** Contribution rows are judged by the indicator's own rules and words (validate.checkValue). */
function contributionFindings(values: readonly Submitted[], m: Manifest, units: ReadonlyMap<string, string | undefined>): VerdictFinding[] {
  const out: VerdictFinding[] = [];
  const names = new Map(
    values.filter((v) => v.input.field === 'contribName').map((v) => [v.input.key, String(v.cell?.value ?? '').trim()]),
  );
  for (const v of values) {
    if (v.input.field !== 'contribValue') continue;
    const parsed = parseCell(v.cell);
    const ref = { sheet: v.input.sheet, row: v.input.row, col: v.input.col };
    const name = names.get(v.input.key) || '内訳';
    const what = `${m.fiscalYear}年度の実績`;
    const findings: Finding[] = [];
    if (parsed.kind === 'none') {
      findings.push(finding('not-a-number', ref.sheet, a1(ref.row, ref.col), { name, what, raw: parsed.raw }));
    } else checkValue({ name, unit: units.get(v.input.key) }, { ref, parsed }, what, findings);
    for (const f of findings) out.push(fromFinding(f, 'clerk'));
  }
  return out;
}

/** Input cells changed since the split; and whether any figure (実績値, 内訳の実績) holds a number. */
function entries(grid: WorkbookGrid, m: Manifest): { entered: number; figures: number; withFigure: number } {
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  let entered = 0;
  let figures = 0;
  let withFigure = 0;
  for (const i of m.inputs) {
    const sheet = sheets.get(i.sheet);
    const cell = sheet ? cellAt(sheet, i.row, i.col) : undefined;
    if (canonCell(cell) !== canonValue(i.base)) entered++;
    if (i.field === 'actual' || i.field === 'contribValue') {
      figures++;
      if (parseCell(cell).kind === 'number') withFigure++;
    }
  }
  return { entered, figures, withFigure };
}

function order(findings: VerdictFinding[]): VerdictFinding[] {
  return [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity !== 'error')];
}

function decided(
  status: VerdictStatus,
  headline: Said,
  base: Omit<DepartmentVerdict, 'status' | 'headline' | 'headlineSaid'>,
): DepartmentVerdict {
  return { status, headline: headline.text, headlineSaid: headline, ...base, findings: order(base.findings) };
}

/** A finding of the plan's checks, keyed by its own rule and params. */
function fromFinding(f: Finding, fixer: Fixer): VerdictFinding {
  const s: Said = f.params ? { rule: f.rule, params: f.params, text: f.message } : said('manifest-problem', { message: f.message });
  return { ...f, fixer, said: s };
}

/**
 * The verdict on one department workbook. With `master` it is compile's; without, the
 * clerk's (no master at hand): the same function, the checks that need the master left out.
 * Findings on cells the clerk cannot edit (the copies of the master's rows) are the
 * coordinator's and never block the file: compile takes only input cells.
 */
export function departmentVerdict(grid: WorkbookGrid, options: VerdictOptions = {}): DepartmentVerdict {
  const read = readManifest(grid);
  const findings: VerdictFinding[] = [];
  const base: Omit<DepartmentVerdict, 'status' | 'headline' | 'headlineSaid'> = {
    department: read.department,
    fiscalYear: read.fiscalYear,
    findings,
    entered: 0,
    values: [],
  };
  for (const p of read.problems) findings.push(found('error', 'clerk', 'manifest', said('manifest-problem', { message: p })));
  const m = read.manifest;
  if (!m) return decided('差戻し', said('verdict-unreadable', {}), base);
  base.manifest = m;
  const ctx = options.master;
  if (ctx) {
    for (const s of identity(m, ctx)) findings.push(found('error', 'coordinator', 'identity', coordinator(s)));
    if (ctx.authentic === false) findings.push(found('error', 'coordinator', 'signature', coordinator(said('forged-signature', {}))));
  }
  for (const i of m.inputs) {
    const key = i.field === 'contribName' || i.field === 'contribValue' ? parseContributionKey(i.key) : undefined;
    if (key && key.department !== m.department && i.field === 'contribValue') {
      const s = coordinator(said('forged-contribution', { department: key.department }));
      findings.push(found('error', 'coordinator', 'contribution', s, i.sheet, a1(i.row, i.col)));
    }
  }
  const structure = verifyStructure(grid, m);
  for (const s of structure) findings.push(found('error', 'clerk', 'structure', s.said, s.sheet, s.cell || undefined));
  // A workbook whose rows moved cannot be read cell by cell: its values would land in the wrong rows.
  if (structure.length > 0 || findings.some((f) => f.severity === 'error')) {
    return decided('差戻し', said('verdict-rejected', { errors: findings.length }), base);
  }
  const { values, issues } = readSubmitted(grid, m.inputs);
  for (const i of issues) findings.push(found(i.severity, 'clerk', 'value', i.said, i.sheet, i.cell));
  base.values = values;
  findings.push(...contributionFindings(values, m, unitsOf(grid, m)));
  findings.push(...planFindings(grid, m, options.jumpRatio ?? DEFAULT_JUMP_RATIO));
  const e = entries(grid, m);
  base.entered = e.entered;
  const errors = findings.filter((f) => f.severity === 'error' && f.fixer === 'clerk' && f.rule !== 'actual-missing').length;
  if (errors === 0 && (e.entered === 0 || (e.figures > 0 && e.withFigure === 0))) {
    return decided('未記入', said(e.entered === 0 ? 'verdict-empty' : 'verdict-no-figure', {}), base);
  }
  const blocking = findings.filter((f) => f.severity === 'error' && f.fixer === 'clerk').length;
  if (blocking > 0) return decided('差戻し', said('verdict-rejected', { errors: blocking }), base);
  return decided('提出可', said('verdict-ok', {}), base);
}

/** The 内訳 sheet writes the indicator's unit beside each contribution row. */
function unitsOf(grid: WorkbookGrid, m: Manifest): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  for (const i of m.inputs) {
    if (i.field !== 'contribValue') continue;
    const sheet = sheets.get(i.sheet);
    const unit = sheet ? String(cellAt(sheet, i.row, i.col + 1)?.value ?? '').trim() : '';
    out.set(i.key, unit || undefined);
  }
  return out;
}

/**
 * The plan's own checks (recognise + validate) for the year the workbook was made for. On an
 * input cell a finding is the clerk's; elsewhere it is about the master's copy and goes to the
 * coordinator, as a warning: compile does not take those cells, so they cannot block the file.
 */
function planFindings(grid: WorkbookGrid, m: Manifest, jumpRatio: number): VerdictFinding[] {
  const inputs = new Set(m.inputs.map(cellKey));
  // A department workbook of another plan is read with that plan's definition (stored in its metadata).
  const { plan, findings } = recognize(grid, resolveDefinition(grid));
  const all = [...findings, ...validate(plan, { year: m.fiscalYear, jumpRatio, departments: new Set([m.department]) })];
  return all.map((f) => {
    const mine = fromFinding(f, 'clerk');
    if (inputs.has(cellKeyAt(f.sheet, f.cell))) return mine;
    const s = coordinator(mine.said, 'locked');
    return { ...mine, severity: 'warning' as const, fixer: 'coordinator' as const, message: s.text, said: s };
  });
}
