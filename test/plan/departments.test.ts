import * as fs from 'fs';
import { definitionDepartments, departmentKey, isKnownDepartment, parseDepartment } from '../../src/plan/departments';
import { DEFAULT_PLAN } from '../../src/plan/definition/default';
import { analyze } from '../../src/plan/engine';
import { COL, indicatorRow, policyBlock, workbook } from './build';
import { REPORT_2023 } from './helpers';

describe('departmentKey: the 課 name without the 部 in front', () => {
  it.each([
    ['教育総務部生涯学習課', '生涯学習課'],
    ['生涯学習課', '生涯学習課'],
    ['こども部こども総務企画課', 'こども総務企画課'],
    ['保健福祉部保健所健康政策課', '健康政策課'],
    ['上下水道局総務課', '総務課'],
    ['教育総務部中央公民館', '中央公民館'],
    ['学校教育部総合教育支援センター', '総合教育支援センター'],
    ['環境部 5R推進課', '5R推進課'],
  ])('%s → %s', (text, key) => {
    expect(departmentKey(text)).toBe(key);
  });
});

describe('parseDepartment', () => {
  it('a renamed department is its new name, remembering the old one and the date', () => {
    expect(parseDepartment('政策統計課 (2022年11月1日から) DX戦略課')).toMatchObject({
      key: 'DX戦略課',
      former: '政策統計課',
      since: '2022-11-01',
      shared: false,
    });
  });

  it.each([
    '政策統計課（2022年11月1日から）DX戦略課',
    '政策統計課\n(2022年11月1日から)\nDX戦略課',
    '政策統計課 (令和4年11月1日から) DX戦略課',
    '政策開発部政策統計課（令和４年１１月１日から）政策開発部DX戦略課',
  ])('the same rename written as %j', (text) => {
    expect(parseDepartment(text)).toMatchObject({ key: 'DX戦略課', former: '政策統計課', since: '2022-11-01' });
  });

  it('各課（…取りまとめ） is shared and belongs to the compiling department', () => {
    expect(parseDepartment('各課（市民・NPO活動推進課取りまとめ）')).toMatchObject({ key: '市民・NPO活動推進課', shared: true });
    expect(parseDepartment('各課 (市民・NPO活動推進課取りまとめ)')).toMatchObject({ key: '市民・NPO活動推進課', shared: true });
    expect(parseDepartment('各課')).toMatchObject({ key: '各課', shared: true });
  });

  it('a plain department has no former name', () => {
    const d = parseDepartment('教育総務部生涯学習課');
    expect(d).toMatchObject({ key: '生涯学習課', shared: false });
    expect(d.former).toBeUndefined();
  });
});

describe('isKnownDepartment', () => {
  // The shipped plan's definition, not a list in code, says which 課 feed the plan.
  const SHIPPED = definitionDepartments(DEFAULT_PLAN);

  it('every listed 課 is known, with or without its 部', () => {
    for (const k of DEFAULT_PLAN.departments ?? []) {
      expect(isKnownDepartment(departmentKey(k), SHIPPED)).toBe(true);
      expect(isKnownDepartment(departmentKey(`市民部${k}`), SHIPPED)).toBe(true);
    }
  });

  it.each(['生涯学修課', '総務部', '人財課', '未来創造課'])('%s is not known', (k) => {
    expect(isKnownDepartment(departmentKey(k), SHIPPED)).toBe(false);
  });

  it('extra departments can be allowed', () => {
    expect(isKnownDepartment('未来創造課', new Set(['未来創造課']))).toBe(true);
  });

  it('every 担当所属 and 担当課 in the FY2023 report is known', () => {
    const rows = fs
      .readFileSync(REPORT_2023, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.split('\t'));
    const names = new Set<string>();
    for (const r of rows) {
      if (r.length === 13 && r[0].trim() && /\d/.test(r[6] ?? '')) names.add(r[12]); // 基本指標 rows (13 columns)
      if (r.length === 12 && r[0].trim() && /\d/.test(r[6] ?? '')) names.add(r[11]); // 施策4 (no 2025 column)
      if (/^\d+$/.test(r[0]) && r.length >= 9) names.add(r[6]); // 実施計画 rows
    }
    expect(names.size).toBeGreaterThan(30);
    const unknown = [...names].filter((n) => !isKnownDepartment(parseDepartment(n).key, SHIPPED));
    expect(unknown).toEqual([]);
  });
});

describe('department-renamed flag', () => {
  it.each([['政策統計課 (2022年11月1日から) DX戦略課'], ['政策統計課（令和4年11月1日から）DX戦略課']])(
    '%s: flagged on the 担当所属 cell, judged as DX戦略課',
    (dept) => {
      const rows = policyBlock(5, [
        indicatorRow({
          name: 'オープンデータの利活用件数',
          target: '34,000件',
          department: dept,
          values: { 2016: '16,306件', 2020: '13,712件', 2021: '12,179件', 2022: '5,365件', 2023: '4,428件' },
        }),
      ]);
      const a = analyze(workbook(rows), { year: 2023 });
      const flags = a.flags.filter((f) => f.kind === 'department-renamed');
      expect(flags).toHaveLength(1);
      expect(flags[0]).toMatchObject({ from: '政策統計課', to: 'DX戦略課', used: 'DX戦略課', cell: `M${4 + 1}` });
      expect(flags[0].message).toContain('2022年11月1日');
      expect(a.findings.filter((f) => f.rule === 'unknown-department')).toEqual([]);
      expect(COL.department).toBe(12);
    },
  );
});
