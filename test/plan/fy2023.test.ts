/**
 * The published FY2023 report (第二次郡山市協働推進基本計画 2023年度実施報告), pasted onto one
 * sheet: the engine must reproduce what the city published. Every expectation here is read
 * out of the report text itself (arrows, ◇ sentences, 【追加】 marks, restated figures), not
 * taken from the engine.
 */
import * as fs from 'fs';
import { analyze, progressEdits } from '../../src/plan/engine';
import { allIndicators } from '../../src/plan/model';
import type { CellEdit } from '../../src/plan/edits';
import { REPORT_2023, pastedReport } from './helpers';

type Arrow = '↑' | '→' | '↓';

// ---- the document -------------------------------------------------------------------

const lines = fs
  .readFileSync(REPORT_2023, 'utf8')
  .replace(/^\uFEFF/, '')
  .split(/\r?\n/);
const cells = lines.map((l) => l.split('\t'));
const first = (row: number) => (cells[row][0] ?? '').trim();
const squash = (s: string) => s.replace(/\s+/g, '');

/** ↗ and ↘ in the PDF are the report's ↑ and ↓. */
function publishedArrow(text: string): Arrow | undefined {
  const t = text.trim();
  if (t === '↑' || t === '↗') return '↑';
  if (t === '↓' || t === '↘') return '↓';
  if (t === '→') return '→';
  return undefined;
}

/** A ◇ sentence as printed (`◇ …` or `- ◇ …`), without the list dash and stray spaces. */
function sentenceOf(line: string): string | undefined {
  const m = /^\s*(?:-\s*)?(◇.*)$/.exec(line);
  return m ? squash(m[1]) : undefined;
}

interface DocIndicator {
  row: number;
  name: string;
  added: boolean;
  arrow?: Arrow;
  progressCol: number;
  targetCol: number;
  yearCols: number[];
}

interface DocTable {
  headerRow: number;
  /** ◇ sentences between the legend line and the header, in order. */
  sentences: { row: number; text: string }[];
  indicators: DocIndicator[];
}

function docTables(headerLabel: string): DocTable[] {
  const out: DocTable[] = [];
  for (let r = 0; r < lines.length; r++) {
    if (squash(first(r)) !== headerLabel) continue;
    const header = cells[r].map(squash);
    const progressCol = header.findIndex((h) => h.startsWith('進捗状況'));
    const targetCol = header.findIndex((h) => h === '目標値');
    const yearCols = cells[r + 1].map((c, i) => (/^\d{4}年度$/.test(squash(c)) && i !== targetCol ? i : -1)).filter((i) => i >= 0);
    const sentences: DocTable['sentences'] = [];
    for (let s = r - 1; s >= 0 && !first(s).startsWith('「↑」') && !/^全体指標$/.test(first(s)); s--) {
      const text = sentenceOf(lines[s]);
      if (text) sentences.unshift({ row: s, text });
    }
    const indicators: DocIndicator[] = [];
    for (let d = r + 2; d < lines.length && lines[d].trim() !== ''; d++) {
      const name = first(d);
      if (!name) continue;
      indicators.push({
        row: d,
        name: name.replace(/【追加】/, '').trim(),
        added: name.includes('【追加】'),
        arrow: publishedArrow(cells[d][progressCol] ?? ''),
        progressCol,
        targetCol,
        yearCols,
      });
    }
    out.push({ headerRow: r, sentences, indicators });
  }
  return out;
}

const POLICY_TABLES = docTables('基本指標項目');
const SURVEY_TABLE = docTables('全体指標項目')[0];
const DOC_INDICATORS = POLICY_TABLES.flatMap((t) => t.indicators);

const overviewHeader = lines.findIndex((l) => squash(l) === squash('基本施策\t重点項目\t目標値との比較'));
/** 概要 table rows: 施策 number → published arrow and its cell. */
const OVERVIEW = cells
  .map((c, row) => ({ row, c }))
  .filter(({ row, c }) => row > overviewHeader && row <= overviewHeader + 7 && /^基本施策\s*\d/.test(c[0]))
  .map(({ row, c }) => ({
    row,
    col: c.length - 1,
    policy: Number(/^基本施策\s*(\d)/.exec(c[0])![1]),
    arrow: publishedArrow(c[c.length - 1])!,
  }));
/** The ◇ sentence printed just above the 概要 table. */
const OVERALL_SENTENCE = (() => {
  for (let r = overviewHeader - 1; r >= 0; r--) {
    const s = sentenceOf(lines[r]);
    if (s) return { row: r, text: s };
  }
  throw new Error('no overall sentence');
})();

// ---- the engine ---------------------------------------------------------------------

const analysis = analyze(pastedReport());
const report = analysis.progress!;
const edits = progressEdits(analysis);
const SHEET = '貼り付け';

const byRow = new Map(allIndicators(analysis.plan).map((i) => [i.nameRef.row, i]));
const progressByKey = new Map(report.policies.flatMap((p) => p.indicators).map((i) => [i.key, i]));

function engineIndicator(row: number) {
  const ind = byRow.get(row);
  if (!ind) throw new Error(`no indicator recognised on line ${row + 1} (${first(row)})`);
  return { ind, progress: progressByKey.get(ind.key)! };
}

function editAt(row: number, col: number, mark: CellEdit['mark']): CellEdit | undefined {
  return edits.cells.find((e) => e.sheet === SHEET && e.row === row && e.col === col && e.mark === mark);
}

const A1 = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;

// ---- the tests ----------------------------------------------------------------------

describe('reading the FY2023 report', () => {
  it('the document has the seven 基本指標 tables and the 全体指標 table', () => {
    expect(POLICY_TABLES).toHaveLength(7);
    expect(SURVEY_TABLE.indicators).toHaveLength(3);
    expect(OVERVIEW.map((o) => o.policy)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('recognises every indicator of the report on its own line, with 2023 as the year', () => {
    expect(analysis.year).toBe(2023);
    expect(analysis.counts.indicators).toBe(DOC_INDICATORS.length);
    for (const d of DOC_INDICATORS) {
      const { ind } = engineIndicator(d.row);
      expect(ind.name.normalize('NFKC').replace(/\s+/g, '')).toBe(d.name.normalize('NFKC').replace(/\s+/g, ''));
    }
    expect(analysis.plan.policies.map((p) => p.table?.indicators.length)).toEqual(POLICY_TABLES.map((t) => t.indicators.length));
  });
});

describe('arrows per indicator', () => {
  const published = DOC_INDICATORS.filter((d) => d.arrow !== undefined);

  it('the report publishes arrows for every 施策 but 4', () => {
    expect(published.length).toBe(DOC_INDICATORS.length - POLICY_TABLES[3].indicators.length);
    expect(POLICY_TABLES[3].indicators.every((d) => d.arrow === undefined)).toBe(true);
  });

  it.each(published.map((d) => [d.name, d.arrow, d.row] as const))('%s: %s as published', (_name, arrow, row) => {
    expect(engineIndicator(row).progress.progress).toBe(arrow);
  });

  it('施策4 (published without arrows) gets an arrow for all 7 indicators', () => {
    const rows = POLICY_TABLES[3].indicators.map((d) => d.row);
    expect(rows).toHaveLength(7);
    const arrows = rows.map((r) => engineIndicator(r).progress.progress);
    // Worked out by hand: 61.9→61.6%, 67.5→67.0%, 644回 (target 408), 5.4→5.3%,
    // 1,165→1,105g (lower is better), 9.3→9.1%, 6→3回.
    expect(arrows).toEqual(['↓', '↓', '↑', '↓', '↑', '↓', '↓']);
    // …which agrees with the published ◇: 2 of 7 better than last year.
    expect(POLICY_TABLES[3].sentences[0].text).toContain('2項目が前年度実績値を上回り');
  });

  it('全体指標: year-on-year arrows (67.1→67.2%, 69.0→68.0点, 2.9→2.8%)', () => {
    expect(report.survey!.indicators.map((i) => i.progress)).toEqual(['↑', '↓', '↓']);
  });
});

describe('施策 summaries and sentences', () => {
  it('the seven 施策 arrows equal the 概要 table: 1↑ 2↑ 3↑ 4↓ 5↓ 6↑ 7↑', () => {
    expect(report.policies.map((p) => [p.number, p.progress])).toEqual(OVERVIEW.map((o) => [o.policy, o.arrow]));
    expect(OVERVIEW.map((o) => o.arrow)).toEqual(['↑', '↑', '↑', '↓', '↓', '↑', '↑']);
  });

  it.each(POLICY_TABLES.map((t, i) => [i + 1, t] as const))('施策%d: the ◇ sentence is the published one', (n, t) => {
    const p = report.policies.find((x) => x.number === n)!;
    expect(t.sentences.length).toBeGreaterThan(0);
    expect(squash(p.sentence)).toBe(t.sentences[0].text);
  });

  it('施策3: the note on the ICT講習会 (fell, but past its target) is the published second ◇', () => {
    const p = report.policies.find((x) => x.number === 3)!;
    const doc = POLICY_TABLES[2].sentences.map((s) => s.text);
    expect(doc).toHaveLength(2);
    expect(doc[1]).toContain('ICT活用のための市民・市民活動団体等対象の講習会の受講者数');
    expect(p.notes.map(squash)).toEqual([doc[1]]);
  });

  it('no other 施策 has a note', () => {
    expect(report.policies.filter((p) => p.number !== 3).flatMap((p) => p.notes)).toEqual([]);
    for (const t of POLICY_TABLES.filter((_, i) => i !== 2)) expect(t.sentences).toHaveLength(1);
  });

  it('the overall sentence: 5 of the 7 施策, as published', () => {
    expect(report.overall).toMatchObject({ policiesUp: 5, policiesTotal: 7 });
    expect(squash(report.overall.sentence)).toBe(OVERALL_SENTENCE.text);
  });

  it('the 全体指標 sentence: 1 of 3, as published', () => {
    expect(report.survey!.improvedCount).toBe(1);
    expect(SURVEY_TABLE.sentences.length).toBeGreaterThan(0);
    expect(squash(report.survey!.sentence)).toBe(SURVEY_TABLE.sentences[0].text);
    expect(SURVEY_TABLE.sentences[0].text).toContain('3項目のうち1項目');
  });
});

describe('revision flags', () => {
  const flagsOf = (kind: string) => analysis.flags.filter((f) => f.kind === kind);

  it('【追加】: exactly the indicators the report marks as added', () => {
    const docRows = [...DOC_INDICATORS, ...SURVEY_TABLE.indicators].filter((d) => d.added).map((d) => A1(d.row, 0));
    expect(docRows.length).toBeGreaterThan(20);
    expect(
      flagsOf('added')
        .map((f) => f.cell)
        .sort(),
    ).toEqual(docRows.sort());
    for (const f of flagsOf('added')) expect(f.message).toContain('追加');
  });

  it('郡山市公式LINE登録者数: target revised 21,973人 → 22,000人, judged on 22,000人', () => {
    const line = DOC_INDICATORS.find((d) => d.name.includes('郡山市公式LINE登録者数'))!;
    const revised = flagsOf('target-revised');
    expect(revised).toHaveLength(1);
    expect(revised[0]).toMatchObject({
      from: '21,973人',
      to: '22,000人',
      used: '22,000人',
      sheet: SHEET,
      cell: A1(line.row, line.targetCol),
    });
    expect(revised[0].message).toContain('22,000人');
    expect(engineIndicator(line.row).progress.target).toBe(22000);
  });

  it('restated figures: exactly the indicators whose cells hold two figures (ごみ排出量, リサイクル率)', () => {
    const twoFigures = /\d\S*\s+\d/;
    const doc = DOC_INDICATORS.filter((d) => d.yearCols.some((c) => twoFigures.test((cells[d.row][c] ?? '').trim())));
    expect(doc.map((d) => d.name)).toEqual(['1人1日当たりのごみ排出量', '市全体のリサイクル率']);
    const restated = flagsOf('restated');
    expect(restated.map((f) => f.key)).toEqual(doc.map((d) => engineIndicator(d.row).ind.key));
    const [gomi, recycle] = restated;
    expect(gomi.cell).toBe('C133');
    expect(gomi.from).toContain('2016年度 1,141g → 1,215g');
    expect(gomi.from).toContain('2022年度 1,116g → 1,165g');
    expect(recycle.cell).toBe('D134');
    expect(recycle.from).toContain('2022年度 10.63% → 9.3%');
    // Compared with the restated figure of last year.
    expect(engineIndicator(doc[0].row).progress.previous).toBe(1165);
    expect(engineIndicator(doc[1].row).progress.previous).toBe(9.3);
  });

  it('オープンデータ: department renamed 政策統計課 → DX戦略課', () => {
    const renamed = flagsOf('department-renamed');
    expect(renamed).toHaveLength(1);
    const doc = DOC_INDICATORS.find((d) => d.name.startsWith('オープンデータの利活用件数'))!;
    expect(renamed[0]).toMatchObject({
      key: engineIndicator(doc.row).ind.key,
      from: '政策統計課',
      to: 'DX戦略課',
      used: 'DX戦略課',
      cell: A1(doc.row, 12),
    });
    expect(renamed[0].message).toContain('2022年11月1日');
  });
});

describe('progressEdits', () => {
  it('writes each indicator’s arrow into its 進捗状況 cell', () => {
    for (const d of DOC_INDICATORS) {
      const e = editAt(d.row, d.progressCol, 'arrow');
      expect(e).toBeDefined();
      expect(e!.value).toBe(engineIndicator(d.row).progress.progress);
      if (d.arrow) expect(e!.value).toBe(d.arrow);
    }
  });

  it('writes the 全体指標 arrows into its 進捗状況 (前年度との比較) cells', () => {
    const values = SURVEY_TABLE.indicators.map((d) => editAt(d.row, d.progressCol, 'arrow')?.value);
    expect(values).toEqual(report.survey!.indicators.map((i) => i.progress));
  });

  it('writes the published sentences into the ◇ cells', () => {
    for (const t of POLICY_TABLES) {
      for (const s of t.sentences) {
        const e = editAt(s.row, 0, 'sentence');
        expect(e).toBeDefined();
        expect(squash(String(e!.value))).toBe(s.text);
      }
    }
    expect(squash(String(editAt(OVERALL_SENTENCE.row, 0, 'sentence')?.value))).toBe(OVERALL_SENTENCE.text);
    const survey = SURVEY_TABLE.sentences[0];
    expect(squash(String(editAt(survey.row, 0, 'sentence')?.value))).toBe(survey.text);
  });

  it('writes the 施策 arrows into the 概要 table', () => {
    for (const o of OVERVIEW) expect(editAt(o.row, o.col, 'arrow')?.value).toBe(o.arrow);
  });

  it('marks the flagged cells with a note', () => {
    const revised = edits.cells.filter((e) => e.mark === 'revised');
    const line = DOC_INDICATORS.find((d) => d.name.includes('郡山市公式LINE登録者数'))!;
    const target = revised.find((e) => e.row === line.row && e.col === line.targetCol);
    expect(target?.note).toContain('21,973人');
  });

  it('writes nothing outside the report’s sheet and never a value into a data cell', () => {
    for (const e of edits.cells) expect(e.sheet).toBe(SHEET);
    const docByRow = new Map([...DOC_INDICATORS, ...SURVEY_TABLE.indicators].map((d) => [d.row, d]));
    const overwritten = edits.cells.filter((e) => {
      const d = docByRow.get(e.row);
      return e.value !== undefined && d !== undefined && (d.yearCols.includes(e.col) || d.targetCol === e.col || e.col === 0);
    });
    expect(overwritten).toEqual([]);
  });
});
