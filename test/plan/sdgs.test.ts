import * as fs from 'fs';
import { isSdgsTarget, sdgsTargetCount, splitSdgsCodes } from '../../src/plan/sdgs';
import { REPORT_2023 } from './helpers';

/** The UN's 169 targets: per goal, the last numbered target and the last letter. */
const LAST: [goal: number, lastNumber: number, lastLetter: string | null][] = [
  [1, 5, 'b'],
  [2, 5, 'c'],
  [3, 9, 'd'],
  [4, 7, 'c'],
  [5, 6, 'c'],
  [6, 6, 'b'],
  [7, 3, 'b'],
  [8, 10, 'b'],
  [9, 5, 'c'],
  [10, 7, 'c'],
  [11, 7, 'c'],
  [12, 8, 'c'],
  [13, 3, 'b'],
  [14, 7, 'c'],
  [15, 9, 'c'],
  [16, 10, 'b'],
  [17, 19, null],
];

describe('isSdgsTarget', () => {
  it('there are 169 targets', () => {
    expect(sdgsTargetCount()).toBe(169);
    expect(LAST.reduce((n, [, num, letter]) => n + num + (letter ? letter.charCodeAt(0) - 96 : 0), 0)).toBe(169);
  });

  it.each(['11.2', '17.17', '3.a', '17', '1', '16.10', '3.A', ' 11.2 '])('%j is a target (or a goal)', (code) => {
    expect(isSdgsTarget(code)).toBe(true);
  });

  it.each(['11.8', '18.1', '3.e', '17.20', '17.a', '0', '18', '01', '1.0', '11.02', '03.1', '11-2', '11.2.1', '', 'SDGs'])(
    '%j is not a target',
    (code) => {
      expect(isSdgsTarget(code)).toBe(false);
    },
  );

  it.each(LAST)('goal %d: targets 1..%d and a..%s exist, the next ones do not', (goal, lastNumber, lastLetter) => {
    for (let n = 1; n <= lastNumber; n++) expect(isSdgsTarget(`${goal}.${n}`)).toBe(true);
    expect(isSdgsTarget(`${goal}.${lastNumber + 1}`)).toBe(false);
    const letters = lastLetter ? 'abcd'.slice(0, lastLetter.charCodeAt(0) - 96) : '';
    for (const l of letters) expect(isSdgsTarget(`${goal}.${l}`)).toBe(true);
    expect(isSdgsTarget(`${goal}.${String.fromCharCode(97 + letters.length)}`)).toBe(false);
  });
});

describe('splitSdgsCodes', () => {
  it('splits on spaces, 、 , ・ and line breaks, full-width folded', () => {
    expect(splitSdgsCodes('11.2 11.7、17.17,3.a\n4.7・5.5　１３．１')).toEqual(['11.2', '11.7', '17.17', '3.a', '4.7', '5.5', '13.1']);
  });

  it('a dash means no SDGs: no codes', () => {
    for (const dash of ['—', '-', '－', 'ー', '']) expect(splitSdgsCodes(dash)).toEqual([]);
  });

  it('in the FY2023 report only 11.8 (防災情報発信事業) is not a real target', () => {
    const rows = fs
      .readFileSync(REPORT_2023, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.split('\t'));
    const codes = rows.filter((r) => /^\d+$/.test(r[0]) && r.length >= 9).flatMap((r) => splitSdgsCodes(r[7]));
    expect(codes.length).toBeGreaterThan(150);
    expect([...new Set(codes.filter((c) => !isSdgsTarget(c)))]).toEqual(['11.8']);
  });
});
