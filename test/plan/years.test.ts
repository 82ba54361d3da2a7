import { findFiscalYear, parseFiscalYear } from '../../src/plan/years';

describe('parseFiscalYear: a header cell that is a fiscal year', () => {
  it.each([
    ['2016年度', 2016],
    ['2016 年度', 2016],
    ['2023 年度 ', 2023],
    ['2023年', 2023],
    ['2023', 2023],
    ['(2023)', 2023],
    ['令和5年度', 2023],
    ['令和 5 年度', 2023],
    ['令和５年度', 2023],
    ['令和5年', 2023],
    ['R5', 2023],
    ['r5', 2023],
    ['Ｒ５', 2023],
    ['R05', 2023],
    ['H28', 2016],
    ['平成28年度', 2016],
    ['平成31年度', 2019],
    ['平成元年度', 1989],
    ['令和元年度', 2019],
    ['R元', 2019],
    ['２０２３年度', 2023],
    ['２０１６　年度', 2016],
    // The forms city offices write (issue 8): every one is the same year, however spelled.
    ['FY2022', 2022],
    ['2022(R4)年度', 2022],
    ['2022（令和4）年度', 2022],
    ['令和4年度\n(2022年度)', 2022],
    ['令和4年度 （2022年度）', 2022],
    ['R4年度', 2022],
    ['R5実績', 2023],
    ['2023実績', 2023],
    ['2023年度実績', 2023],
    ['実績値 2023年度', 2023],
  ])('%s → %d', (text, year) => {
    expect(parseFiscalYear(text)).toBe(year);
  });

  it.each([
    '',
    '年度',
    '実績値',
    '策定時',
    'abc',
    'R',
    '令和',
    '12',
    '2,016',
    '20231',
    '1988年度',
    '2101年度',
    '令和100年度',
    '2016年度（策定時）',
    'No.',
    '1,283人',
    // Two spellings that disagree are not one year.
    '2022(R5)年度',
    '令和4年度(2023年度)',
  ])('%j is not a year header → undefined', (text) => {
    expect(parseFiscalYear(text)).toBeUndefined();
  });
});

describe('findFiscalYear: the year mentioned in a longer header', () => {
  it.each([
    ['取組状況 (2023)', 2023],
    ['事業計画（2023） （実施予定及び数値目標等）', 2023],
    ['2023 区分', 2023],
    ['令和5年度実績', 2023],
    ['平成28年度（策定時）', 2016],
    ['2016年度（策定時）', 2016],
    ['実績値 ２０２２年度', 2022],
  ])('%s → %d', (text, year) => {
    expect(findFiscalYear(text)).toBe(year);
  });

  it('skips a number that is not a plausible year and keeps looking', () => {
    expect(findFiscalYear('No.1234 2023年度')).toBe(2023);
  });

  it('does not take the first four digits of a longer number', () => {
    expect(findFiscalYear('件数 20231件')).toBeUndefined();
    expect(findFiscalYear('12345人 (令和5年度)')).toBe(2023);
  });

  it.each(['達成度', '担当課', 'SDGs ゴール、 ターゲット', '1,283人', ''])('%j mentions no year', (text) => {
    expect(findFiscalYear(text)).toBeUndefined();
  });
});
