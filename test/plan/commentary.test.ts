import { analyze, progressEdits, withPolicyCount } from '../../src/plan/engine';
import { pastedReport } from './helpers';

test('the coordinator commentary keeps its wording and takes this year’s count', () => {
  const text =
    '◇ 7つの基本施策の実績値は5項目が目標値に近づいていますが、市民意識調査では市民協働に対する満足度・重要度とも低く、市民の皆さんの意識とは隔たりがあるのが現状です。';
  expect(withPolicyCount(text, 3, 7)).toBe(text.replace('5項目', '3項目'));
  expect(withPolicyCount('◇ 市民の意識とは隔たりがあります。', 3, 7)).toBe('◇ 市民の意識とは隔たりがあります。');
});

test('the 全体指標 commentary of the pasted report is recognised and left alone when its count is right', () => {
  const a = analyze(pastedReport());
  expect(a.plan.survey?.commentary.map((c) => c.text)).toEqual([
    '◇ 7つの基本施策の実績値は5項目が目標値に近づいていますが、市民意識調査では市民協働に対する満足度・重要度とも低く、市民の皆さんの意識とは隔たりがあるのが現状です。',
  ]);
  const ref = a.plan.survey!.commentary[0].ref;
  expect(progressEdits(a).cells.some((c) => c.sheet === ref.sheet && c.row === ref.row && c.col === ref.col)).toBe(false);
});

test('a stale count in the commentary is brought up to date', () => {
  const grid = pastedReport();
  const a0 = analyze(grid);
  const ref = a0.plan.survey!.commentary[0].ref;
  const sheet = grid.sheets[0];
  sheet.rows[ref.row][ref.col] = { value: '◇ 7つの基本施策の実績値は2項目が目標値に近づいていますが、意識とは隔たりがあります。' };
  const edit = progressEdits(analyze(grid)).cells.find((c) => c.row === ref.row && c.col === ref.col);
  expect(edit?.value).toBe('◇ 7つの基本施策の実績値は5項目が目標値に近づいていますが、意識とは隔たりがあります。');
});
