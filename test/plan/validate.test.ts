import { analyze, type AnalyzeOptions } from '../../src/plan/engine';
import type { Finding } from '../../src/plan/findings';
import { parseA1 } from '../../src/plan/grid';
import { DEFAULT_PLAN } from '../../src/plan/definition/default';
import {
  addr,
  COL,
  INDICATOR_HEADER,
  PCOL,
  policyBlock,
  projectBlock,
  SHEET,
  seriesRow,
  workbook,
  YEAR_ROW,
  indicatorRow,
  type CellInput,
  type IndicatorInput,
  type ProjectInput,
} from './build';
import { pastedReport } from './helpers';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Rows of a 施策1 section: heading (row 0), blank, header (row 2), year row (3), data from row 4. */
const FIRST = 4;

const NAME = 'きらめき出前講座実施件数';

function indicator(over: Partial<IndicatorInput> = {}): IndicatorInput {
  return {
    name: NAME,
    target: '300件',
    ...over,
    values: { 2016: '261件', 2020: '238件', 2021: '296件', 2022: '260件', 2023: '299件', ...over.values },
  };
}

function run(body: CellInput[][], options: AnalyzeOptions = {}) {
  const rows = policyBlock(1, body);
  return { rows, analysis: analyze(workbook(rows), { year: 2023, ...options }) };
}

function findingsOf(inds: IndicatorInput[], options: AnalyzeOptions = {}): Finding[] {
  return run(inds.map(indicatorRow), options).analysis.findings;
}

function only(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** Exactly one finding of the rule, on that cell, with a Japanese message naming what it should. */
function expectOne(findings: Finding[], rule: string, severity: 'error' | 'warning', cell: string, mentions: string[]): Finding {
  const hits = only(findings, rule);
  expect(hits).toHaveLength(1);
  const f = hits[0];
  expect(f.severity).toBe(severity);
  expect(f.sheet).toBe(SHEET);
  expect(f.cell).toBe(cell);
  expect(f.message).toMatch(JAPANESE);
  // Names may keep full-width brackets (（累計）) or not: compare NFKC forms.
  for (const m of mentions) expect(f.message.normalize('NFKC')).toContain(m.normalize('NFKC'));
  return f;
}

describe('a clean table', () => {
  it('has no findings at all (so every finding below comes from the one broken cell)', () => {
    expect(
      findingsOf([
        indicator(),
        indicator({
          name: 'あさかの学園大学卒業・修了生数',
          target: '660人',
          values: { 2016: '464人', 2020: '479人', 2021: '469人', 2022: '471人', 2023: '520人' },
        }),
      ]),
    ).toEqual([]);
  });
});

describe('value rules', () => {
  it('not-a-number: text that is no figure, in an actual or a target', () => {
    const f = findingsOf([indicator({ values: { 2023: '調査中' } })]);
    expectOne(f, 'not-a-number', 'error', addr(FIRST, COL[2023]), [NAME, '調査中', '2023年度']);
    const t = findingsOf([indicator({ target: '未定' })]);
    expectOne(t, 'not-a-number', 'error', addr(FIRST, COL.target), [NAME, '未定', '目標値']);
    expect(only(findingsOf([indicator({ values: { 2023: '２９９件' } })]), 'not-a-number')).toEqual([]);
  });

  it('formula-error: a cell showing #REF!', () => {
    const f = findingsOf([indicator({ values: { 2023: { value: null, formula: 'Sheet2!B3', error: '#REF!' } } })]);
    expectOne(f, 'formula-error', 'error', addr(FIRST, COL[2023]), [NAME, '#REF!']);
    expect(only(f, 'not-a-number')).toEqual([]);
    const ok = findingsOf([indicator({ values: { 2023: { value: 299, formula: 'F5+39', numFmt: '0"件"' } } })]);
    expect(only(ok, 'formula-error')).toEqual([]);
    expect(ok).toEqual([]);
  });

  it('unit-mismatch: 人 in a 件 indicator', () => {
    const f = findingsOf([indicator({ values: { 2023: '299人' } })]);
    expectOne(f, 'unit-mismatch', 'error', addr(FIRST, COL[2023]), [NAME, '人', '件']);
    expect(only(findingsOf([indicator({ values: { 2023: '299 件' } })]), 'unit-mismatch')).toEqual([]);
    // A bare number takes the indicator's unit: no mismatch.
    expect(only(findingsOf([indicator({ values: { 2023: 299 } })]), 'unit-mismatch')).toEqual([]);
  });

  describe('percent-range', () => {
    const pct = (v2023: CellInput) =>
      indicator({
        name: '町内会等加入率',
        target: '70.0%',
        values: { 2016: '63.2%', 2020: '61.4%', 2021: '60.9%', 2022: '61.9%', 2023: v2023 },
      });
    it.each(['120.5%', '△1%', '100.1%'])('%s is outside 0–100%%', (v) => {
      const f = findingsOf([pct(v)]);
      expectOne(f, 'percent-range', 'error', addr(FIRST, COL[2023]), ['町内会等加入率', v]);
      expect(only(f, 'negative')).toEqual([]);
    });
    it('a percent-formatted number stored as 1.2 is 120%', () => {
      const f = findingsOf([pct({ value: 1.2, numFmt: '0.0%' })]);
      expectOne(f, 'percent-range', 'error', addr(FIRST, COL[2023]), ['町内会等加入率']);
    });
    it.each(['0%', '61.6%', '100%', '99.9 %'])('%s is fine', (v) => {
      expect(only(findingsOf([pct(v)]), 'percent-range')).toEqual([]);
    });
  });

  it('negative: a count below zero', () => {
    const f = findingsOf([indicator({ values: { 2023: '△3件' } })]);
    expectOne(f, 'negative', 'error', addr(FIRST, COL[2023]), [NAME, '△3件']);
    expect(only(findingsOf([indicator({ values: { 2023: '0件' } })]), 'negative')).toEqual([]);
  });

  it('approximate: 約 asks for the confirmed figure', () => {
    const f = findingsOf([indicator({ values: { 2023: '約300件' } })]);
    expectOne(f, 'approximate', 'warning', addr(FIRST, COL[2023]), [NAME, '約300件']);
    expect(only(findingsOf([indicator()]), 'approximate')).toEqual([]);
  });

  it('target-missing: an empty target cell', () => {
    const f = findingsOf([indicator({ target: null })]);
    expectOne(f, 'target-missing', 'warning', addr(FIRST, COL.target), [NAME]);
  });
});

describe('year-on-year rules', () => {
  const cumulative = (v2023: string, name = '市民防災リーダー養成数（累計）') =>
    indicator({ name, target: '1,100人', values: { 2016: '764人', 2020: '845人', 2021: '845人', 2022: '902人', 2023: v2023 } });

  it('cumulative-decrease: a （累計） figure that went down', () => {
    const f = findingsOf([cumulative('890人')]);
    const hit = expectOne(f, 'cumulative-decrease', 'error', addr(FIRST, COL[2023]), ['市民防災リーダー養成数(累計)', '890人', '902人']);
    expect(hit.message).toContain('累計');
    expect(only(findingsOf([cumulative('914人')]), 'cumulative-decrease')).toEqual([]);
    expect(only(findingsOf([cumulative('902人')]), 'cumulative-decrease')).toEqual([]);
  });

  it('cumulative-decrease applies only to （累計） indicators', () => {
    expect(only(findingsOf([cumulative('890人', '市民防災リーダー養成数')]), 'cumulative-decrease')).toEqual([]);
  });

  describe('jump', () => {
    const tripled = indicator({ values: { 2022: '100件', 2023: '300件' } });
    const thirded = indicator({ values: { 2022: '300件', 2023: '100件' } });

    it('a 3x change warns with ratio 2 (the default)', () => {
      const f = findingsOf([tripled], { jumpRatio: 2 });
      expectOne(f, 'jump', 'warning', addr(FIRST, COL[2023]), [NAME, '300件', '100件', '2倍']);
      expect(only(findingsOf([tripled]), 'jump')).toHaveLength(1);
      expect(only(findingsOf([thirded], { jumpRatio: 2 }), 'jump')).toHaveLength(1);
    });

    it('the same change does not warn with ratio 4', () => {
      expect(only(findingsOf([tripled], { jumpRatio: 4 }), 'jump')).toEqual([]);
      expect(only(findingsOf([thirded], { jumpRatio: 4 }), 'jump')).toEqual([]);
    });

    it('an ordinary change does not warn', () => {
      expect(only(findingsOf([indicator()]), 'jump')).toEqual([]);
    });

    it('compares with the latest earlier figure when last year is a dash', () => {
      const f = findingsOf([indicator({ values: { 2021: '100件', 2022: '—', 2023: '300件' } })]);
      expectOne(f, 'jump', 'warning', addr(FIRST, COL[2023]), ['100件']);
    });

    it('quotes each figure with the unit written in its own cell, and keeps them as params to word again', () => {
      const f = findingsOf([indicator({ values: { 2022: '100件', 2023: '300回' } })]);
      const hit = expectOne(f, 'jump', 'warning', addr(FIRST, COL[2023]), ['100件', '300回']);
      expect(hit.message).not.toContain('100回');
      expect(hit.params).toMatchObject({ name: NAME, year: 2023, now: '300回', prev: '100件' });
      expect(expectOne(f, 'unit-mismatch', 'error', addr(FIRST, COL[2023]), []).params).toMatchObject({ unit: '回', expected: '件' });
    });
  });
});

describe('entry rules', () => {
  it('actual-missing: the year’s actual left empty', () => {
    const f = findingsOf([indicator({ values: { 2023: null } })]);
    expectOne(f, 'actual-missing', 'error', addr(FIRST, COL[2023]), [NAME, '2023年度']);
    expect(only(f, 'reason-missing')).toEqual([]);
    expect(only(findingsOf([indicator()]), 'actual-missing')).toEqual([]);
  });

  it('actual-missing on the second series row names the series', () => {
    const name = '地域の行事に参加している児童(小6)・生徒(中3)の割合';
    const body = [
      indicatorRow({ name, target: '75.0%', values: { 2016: '71.2% (小6)', 2020: '—', 2021: '56.6%', 2022: '51.2%', 2023: '57.8%' } }),
      seriesRow({ 2016: '35.7% (中3)', 2020: '—', 2021: '35.0%', 2022: '32.3%' }, '50.0%'),
    ];
    const f = run(body).analysis.findings;
    expectOne(f, 'actual-missing', 'error', addr(FIRST + 1, COL[2023]), [name, '中3']);
  });

  it('reason-missing: a figure without the 増減理由', () => {
    const f = findingsOf([indicator({ reason: null })]);
    expectOne(f, 'reason-missing', 'warning', addr(FIRST, COL.reason), [NAME]);
    expect(only(findingsOf([indicator({ reason: '前年度より増加した。' })]), 'reason-missing')).toEqual([]);
  });

  it('department-missing: no 担当所属', () => {
    const f = findingsOf([indicator({ department: null })]);
    expectOne(f, 'department-missing', 'error', addr(FIRST, COL.department), [NAME]);
  });

  it('duplicate-indicator: the same indicator twice', () => {
    const f = findingsOf([indicator(), indicator({ department: '生涯学習課' })]);
    expectOne(f, 'duplicate-indicator', 'error', addr(FIRST + 1, COL.name), [NAME, addr(FIRST, COL.name)]);
    expect(only(findingsOf([indicator(), indicator({ name: '別の指標数' })]), 'duplicate-indicator')).toEqual([]);
  });

  it('duplicate-indicator ignores the 【追加】 mark and spacing', () => {
    const f = findingsOf([indicator(), indicator({ name: `【追加】 ${NAME}` })]);
    expect(only(f, 'duplicate-indicator')).toHaveLength(1);
  });
});

describe('unknown-department', () => {
  it('a department that is not the city’s is an error naming the indicator', () => {
    const f = findingsOf([indicator({ department: '生涯学修課' })]);
    expectOne(f, 'unknown-department', 'error', addr(FIRST, COL.department), [NAME, '生涯学修課']);
  });

  it.each([
    '教育総務部生涯学習課',
    '生涯学習課',
    '政策統計課 (2022年11月1日から) DX戦略課',
    '政策統計課（令和4年11月1日から）DX戦略課',
    '各課（市民・NPO活動推進課取りまとめ）',
    '各課 (市民・NPO活動推進課取りまとめ)',
    '保健福祉部保健所健康政策課',
    'ＤＸ戦略課',
  ])('%s is accepted', (dept) => {
    expect(only(findingsOf([indicator({ department: dept })]), 'unknown-department')).toEqual([]);
  });

  it('departments passed in the options are accepted too', () => {
    const f = findingsOf([indicator({ department: '未来創造課' })], { departments: new Set(['未来創造課']) });
    expect(only(f, 'unknown-department')).toEqual([]);
    expect(only(findingsOf([indicator({ department: '未来創造課' })]), 'unknown-department')).toHaveLength(1);
  });
});

describe('実施計画 rules', () => {
  /** Header row 0, ◆ row 1, projects from row 2. */
  const P0 = 2;
  function projectFindings(projects: ProjectInput[]): Finding[] {
    return analyze(workbook(projectBlock(1, projects)), { year: 2023 }).findings;
  }

  it('a clean project table has no findings', () => {
    expect(
      projectFindings([
        { no: 1, name: '人材育成推進事業' },
        { no: 2, name: 'ハタチのつどい開催事業', sdgs: '11.2 17.17 3.a 17' },
      ]),
    ).toEqual([]);
  });

  it.each(['5 完了', '予定どおり実施した', '10', '4.5 ほぼ予定どおり'])('achievement-level: %s is not 1–4', (text) => {
    const f = projectFindings([{ no: 1, name: '人材育成推進事業', achievement: text }]);
    expectOne(f, 'achievement-level', 'error', addr(P0, PCOL.achievement), ['人材育成推進事業', text]);
  });

  it.each([
    '4 予定どおり実施した（75%以上）',
    '3 おおむね予定どおり実施した (50%以上75%未満)',
    '２ 予定より縮小して実施した（25%以上50%未満）',
    '1',
    '4.予定どおり実施した（75%以上）',
  ])('achievement-level: %s is accepted', (text) => {
    expect(only(projectFindings([{ no: 1, name: '人材育成推進事業', achievement: text }]), 'achievement-level')).toEqual([]);
  });

  it('achievement-missing: 取組状況 written but 達成度 empty', () => {
    const f = projectFindings([{ no: 1, name: '人材育成推進事業', achievement: '' }]);
    expectOne(f, 'achievement-missing', 'error', addr(P0, PCOL.achievement), ['人材育成推進事業']);
  });

  it.each(['11.2', '17.17', '3.a', '17', '11.2 11.7 17.17', '3.4、4.7', '—', ''])('sdgs-target: %j is valid', (codes) => {
    expect(only(projectFindings([{ no: 1, name: '防災情報発信事業', sdgs: codes }]), 'sdgs-target')).toEqual([]);
  });

  it.each(['11.8', '18.1', '3.e', '17.20', '0', '11.02'])('sdgs-target: %s does not exist', (code) => {
    const f = projectFindings([{ no: 1, name: '防災情報発信事業', sdgs: `11.5 ${code} 13.1` }]);
    const hit = expectOne(f, 'sdgs-target', 'error', addr(P0, PCOL.sdgs), ['防災情報発信事業', `「${code}」`]);
    expect(hit.message).not.toContain('11.5');
  });

  it('unknown-department in a project names the project', () => {
    const f = projectFindings([{ no: 1, name: '人材育成推進事業', department: '総務部人財課' }]);
    expectOne(f, 'unknown-department', 'error', addr(P0, PCOL.department), ['人材育成推進事業', '総務部人財課']);
    expect(only(projectFindings([{ no: 1, name: '人材育成推進事業', department: '総務部人事課' }]), 'unknown-department')).toEqual([]);
  });

  it('duplicate-project: the same No. twice', () => {
    const f = projectFindings([
      { no: 1, name: '人材育成推進事業' },
      { no: 1, name: 'ハタチのつどい開催事業' },
    ]);
    expectOne(f, 'duplicate-project', 'error', addr(P0 + 1, PCOL.no), ['No.1', addr(P0, PCOL.no)]);
  });
});

describe('recognition findings', () => {
  it('unplaced-header: an unknown column is reported and skipped, the rest of the table is still read', () => {
    const header = [...INDICATOR_HEADER];
    header.splice(2, 0, '備考');
    const years = [...YEAR_ROW];
    years.splice(2, 0, '');
    const row = indicatorRow(indicator({ reason: '前年度より増加した。' }));
    row.splice(2, 0, '要確認');
    const rows = policyBlock(1, [row], { header, yearRow: years });
    const a = analyze(workbook(rows), { year: 2023 });
    const f = expectOne(a.findings, 'unplaced-header', 'warning', addr(2, 2), ['備考']);
    expect(f.message).toContain('読み取りませんでした');
    expect(a.findings.filter((x) => x !== f)).toEqual([]);
    const ind = a.plan.policies[0].table!.indicators[0];
    expect(ind.name).toBe(NAME);
    expect(ind.series[0].values.get(2023)?.parsed.value).toBe(299);
    expect(ind.series[0].values.get(2023)?.ref.col).toBe(COL[2023] + 1);
    expect(ind.series[0].target?.parsed.value).toBe(300);
    expect(ind.reason?.text).toBe('前年度より増加した。');
    expect(ind.department?.text).toBe('生涯学習課');
    expect(a.progress?.policies[0].indicators[0]).toMatchObject({ progress: '↑', current: 299, previous: 260 });
  });

  it('a known layout gives no unplaced-header', () => {
    expect(only(findingsOf([indicator()]), 'unplaced-header')).toEqual([]);
  });

  it('policy-heading-missing: the 施策 is recovered from its 重点項目', () => {
    const def = DEFAULT_PLAN.policies.find((p) => p.number === 5)!;
    const circled = '①②③④';
    const keyPoints = (def.keyPoints ?? []).map((k, i) => circled[i] + k);
    const rows = policyBlock(
      5,
      [
        indicatorRow(
          indicator({
            name: '市内NPO法人数',
            target: '180法人',
            values: { 2016: '154法人', 2020: '152法人', 2021: '149法人', 2022: '148法人', 2023: '148法人' },
            department: '市民・NPO活動推進課',
          }),
        ),
      ],
      { heading: false, keyPoints },
    );
    const headerRow = rows.findIndex((r) => r[0] === '基本指標項目');
    const a = analyze(workbook(rows), { year: 2023 });
    const f = expectOne(a.findings, 'policy-heading-missing', 'warning', addr(headerRow, 0), ['基本施策5', '重点項目']);
    expect(a.findings.filter((x) => x !== f)).toEqual([]);
    expect(a.plan.policies.map((p) => p.number)).toEqual([5]);
    expect(a.plan.policies[0].title).toBe(def.title);
    expect(a.plan.policies[0].table!.indicators[0].key).toBe('5:市内NPO法人数');
    expect(a.progress?.policies[0]).toMatchObject({ number: 5, progress: '→' });
  });

  it('policy-heading-missing: without 重点項目 the table order decides', () => {
    const rows = policyBlock(1, [indicatorRow(indicator())], { heading: false });
    const headerRow = rows.findIndex((r) => r[0] === '基本指標項目');
    const a = analyze(workbook(rows), { year: 2023 });
    expectOne(a.findings, 'policy-heading-missing', 'warning', addr(headerRow, 0), ['基本施策1', '表の順番']);
    expect(a.plan.policies[0].number).toBe(1);
  });

  it('with the heading there is no policy-heading-missing', () => {
    expect(only(findingsOf([indicator()]), 'policy-heading-missing')).toEqual([]);
  });
});

describe('the FY2023 report', () => {
  const a = analyze(pastedReport(), { year: 2023 });

  it('every finding has a sheet and an A1 cell', () => {
    expect(a.findings.length).toBeGreaterThan(0);
    for (const f of a.findings) {
      expect(f.sheet).toBe('貼り付け');
      expect(parseA1(f.cell)).toBeDefined();
      expect(f.message).toMatch(JAPANESE);
    }
  });

  it('finds the non-existent SDGs target 11.8 on 防災情報発信事業', () => {
    const hits = only(a.findings, 'sdgs-target');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.message.includes('11.8'))).toBe(true);
    expect(hits.some((h) => h.message.includes('防災情報発信事業'))).toBe(true);
  });

  it('accepts every 担当所属 and 担当課 in the report', () => {
    expect(only(a.findings, 'unknown-department')).toEqual([]);
  });

  it('reports the two tables without a 基本施策 heading (施策3 and 施策7) and recovers them', () => {
    const hits = only(a.findings, 'policy-heading-missing');
    expect(hits.map((h) => h.message.match(/基本施策(\d)/)?.[1])).toEqual(['3', '7']);
    expect(a.plan.policies.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
