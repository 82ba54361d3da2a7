import { analyze, type Analysis } from '../../src/plan/engine';
import type { IndicatorProgress } from '../../src/plan/report';
import { indicatorRow, INDICATOR_HEADER, policyBlock, workbook, YEAR_ROW, type CellInput, type IndicatorInput } from './build';
import { pastedReport } from './helpers';

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

function allProgress(a: Analysis): IndicatorProgress[] {
  return [...(a.progress?.policies.flatMap((p) => p.indicators) ?? []), ...(a.progress?.survey?.indicators ?? [])];
}

/** The one indicator whose name starts with `prefix` (NFKC, spaces ignored). */
function indicator(a: Analysis, prefix: string): IndicatorProgress {
  const hits = allProgress(a).filter((i) => norm(i.name).startsWith(norm(prefix)));
  expect(hits.map((h) => h.name)).toHaveLength(1);
  return hits[0];
}

function reviewFlagged(a: Analysis): string[] {
  return a.flags.filter((f) => f.kind === 'direction-review').map((f) => norm(f.indicator));
}

describe('direction in the FY2023 report', () => {
  const a = analyze(pastedReport(), { year: 2023 });

  it.each([
    // target 300件 below 1,128 / 679 / 620
    ['市内交通事故発生件数'],
    // target 952g below the restated 1,215 / 1,190 / 1,183
    ['1人1日当たりのごみ排出量'],
  ])('%s: lower is better', (name) => {
    const i = indicator(a, name);
    expect(i.direction).toBe('down');
    expect(i.directionSource).toBe('inferred');
    expect(reviewFlagged(a)).not.toContain(norm(i.name));
  });

  it('a fall in ごみ排出量 (1,165g → 1,105g) is progress; a rise in 交通事故 (561 → 601) is not', () => {
    expect(indicator(a, '1人1日当たりのごみ排出量')).toMatchObject({ progress: '↑', improved: true, current: 1105, previous: 1165 });
    expect(indicator(a, '市内交通事故発生件数')).toMatchObject({ progress: '↓', improved: false, current: 601, previous: 561 });
  });

  it.each([
    // 2,786 → 10,510 → target 7,400: the references straddle the target
    ['災害情報提供者数'],
    // 9 → 6 → target 6
    ['ワークショップ等を活用した市民参加型会議の開催数'],
    // 6.4% → 1.3% → target 5.0%: straddle
    ['市民協働の重要度'],
  ])('%s: higher is better', (name) => {
    const i = indicator(a, name);
    expect(i.direction).toBe('up');
    expect(i.directionSource).toBe('inferred');
  });

  it('indicators whose 策定時/見直し時/中間年度 figures lie on both sides of the target are flagged for review', () => {
    // Worked out by hand from the report's tables (策定時, 見直し時, 中間年度 vs 目標値).
    const straddling = [
      '地域人材の小・中学校における活用人数', // 1,901 / 720 / 873 vs 1,500
      '災害情報提供者数', // 2,786 / 10,510 / 12,070 vs 7,400
      'アイラブロード加盟団体による清掃活動回数', // 392 / 438 / 600 vs 408
      '市民活動団体向けの各種講座等の受講者数', // 90 / 131 / 369 vs 150
      'NPO、市民活動団体等と市の協働事業数', // 47 / 34 / 33 vs 40
      '災害情報等レポート数', // 6,402 / 5,691 / 9,741 vs 7,000
      '地域への愛着度', // 67.6 / 74.8 / 68.2 vs 70.0
      '市民協働の重要度', // 6.4 / 1.3 / 2.6 vs 5.0
    ].map((n) => norm(indicator(a, n).name));
    expect([...reviewFlagged(a)].sort()).toEqual([...straddling].sort());
  });

  it('the review flag says what was assumed and asks for the 方向 column', () => {
    const name = norm(indicator(a, '災害情報提供者数').name);
    const flag = a.flags.find((f) => f.kind === 'direction-review' && norm(f.indicator) === name)!;
    expect(flag.used).toBe('高いほど良い');
    expect(flag.message).toContain('方向');
    // Figures as the report shows them, with their unit.
    expect(flag.message).toContain('2,786人、10,510人、12,070人');
    expect(flag.message).toContain('目標値 7,400人');
    expect(flag.sheet).toBe('貼り付け');
    expect(flag.cell).toBe('A112');
  });

  it('cumulative indicators are higher-is-better without review', () => {
    for (const name of ['まちづくりハーモニー賞顕彰件数', '市民防災リーダー養成数', '男女共同参画事業者表彰の受賞者数']) {
      const i = indicator(a, name);
      expect(i.direction).toBe('up');
      expect(reviewFlagged(a)).not.toContain(norm(i.name));
    }
  });
});

describe('an explicit 方向 column overrides inference', () => {
  const header = [...INDICATOR_HEADER, '方向'];
  const years = [...YEAR_ROW, ''];
  const row = (ind: IndicatorInput, direction: CellInput) => [...indicatorRow(ind), direction];

  // Inferred lower-is-better: every reference (100, 90, 80) is above the target 70.
  const falling = (name: string): IndicatorInput => ({
    name,
    target: '70件',
    values: { 2016: '100件', 2020: '90件', 2021: '80件', 2022: '60件', 2023: '50件' },
  });
  // Inferred higher-is-better with review: references 30 and 90 straddle the target 60.
  const straddling = (name: string): IndicatorInput => ({
    name,
    target: '60件',
    values: { 2016: '30件', 2020: '90件', 2022: '70件', 2023: '80件' },
  });

  const rows = policyBlock(
    1,
    [
      row(falling('減少推定・方向なし'), null),
      row(falling('減少推定・上昇指定'), '上昇'),
      row(straddling('またがり・方向なし'), null),
      row(straddling('またがり・低下指定'), '低下'),
      row(straddling('またがり・記号指定'), '↓'),
      row(falling('減少推定・文章指定'), '高いほど良い'),
    ],
    { header, yearRow: years },
  );
  const a = analyze(workbook(rows), { year: 2023 });

  it('without a value in the column, the direction is inferred', () => {
    expect(indicator(a, '減少推定・方向なし')).toMatchObject({ direction: 'down', directionSource: 'inferred', progress: '↑' });
    expect(indicator(a, 'またがり・方向なし')).toMatchObject({ direction: 'up', directionSource: 'inferred', progress: '↑' });
    expect(reviewFlagged(a)).toContain(norm('またがり・方向なし'));
  });

  it('上昇 makes a falling figure that has not reached the target a ↓', () => {
    expect(indicator(a, '減少推定・上昇指定')).toMatchObject({
      direction: 'up',
      directionSource: 'template',
      progress: '↓',
      achieved: false,
    });
    expect(indicator(a, '減少推定・文章指定')).toMatchObject({ direction: 'up', directionSource: 'template', progress: '↓' });
  });

  it('低下 (or ↓) makes a rise past the target a ↓, and removes the review flag', () => {
    expect(indicator(a, 'またがり・低下指定')).toMatchObject({
      direction: 'down',
      directionSource: 'template',
      progress: '↓',
      achieved: false,
    });
    expect(indicator(a, 'またがり・記号指定')).toMatchObject({ direction: 'down', directionSource: 'template', progress: '↓' });
    expect(reviewFlagged(a)).not.toContain(norm('またがり・低下指定'));
    expect(reviewFlagged(a)).not.toContain(norm('またがり・記号指定'));
  });

  it('the 方向 column is a known column: no unplaced-header', () => {
    expect(a.findings.filter((f) => f.rule === 'unplaced-header')).toEqual([]);
  });
});
