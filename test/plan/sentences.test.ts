import fc from 'fast-check';
import { overallSentence, pastTargetNote, policySentence, surveySentence } from '../../src/plan/sentences';

describe('policySentence: the wording the city published for FY2023', () => {
  it.each([
    // [施策, total, improved, achieved, same items, published]
    [1, 4, 4, 0, false, '◇ 基本指標4項目すべて前年度実績値を上回っています。'],
    [2, 4, 3, 1, false, '◇ 基本指標4項目のうち、3項目が前年度実績値を上回り、1項目が目標値に達しています。'],
    [3, 4, 3, 3, false, '◇ 基本指標4項目のうち、3項目が前年度実績値を上回り、3項目が目標値に達しています。'],
    [4, 7, 2, 1, false, '◇ 基本指標7項目のうち、2項目が前年度実績値を上回り、1項目が目標値に達しています。'],
    [5, 6, 1, 1, true, '◇ 基本指標6項目のうち、1項目が前年度実績値を上回り、目標値に達しています。'],
    [6, 5, 4, 3, false, '◇ 基本指標5項目のうち、4項目が前年度実績値を上回り、3項目が目標値に達しています。'],
    [7, 6, 4, 1, false, '◇ 基本指標6項目のうち、4項目が前年度実績値を上回り、1項目が目標値に達しています。'],
  ] as const)('施策%d', (_n, total, improved, achieved, same, published) => {
    expect(policySentence(total, improved, achieved, same)).toBe(published);
  });

  it('"上回り、目標値に達しています" without a second count only when the same items did both', () => {
    expect(policySentence(4, 2, 2, true)).toContain('2項目が前年度実績値を上回り、目標値に達しています');
    expect(policySentence(4, 2, 2, false)).toContain('2項目が前年度実績値を上回り、2項目が目標値に達しています');
  });

  it('is always one ◇ sentence that states the counts and never says "0項目"', () => {
    const counts = fc
      .integer({ min: 1, max: 12 })
      .chain((total) => fc.tuple(fc.constant(total), fc.integer({ min: 0, max: total }), fc.integer({ min: 0, max: total }), fc.boolean()));
    fc.assert(
      fc.property(counts, ([total, improved, achieved, same]) => {
        const s = policySentence(total, improved, achieved, same);
        expect(s.startsWith(`◇ 基本指標${total}項目`)).toBe(true);
        expect(s.endsWith('。')).toBe(true);
        expect(s.match(/。/g)).toHaveLength(1);
        expect(s).not.toMatch(/(^|[^\d])0項目/);
        if (improved === total) expect(s).toContain('すべて前年度実績値を上回');
        else if (improved > 0) expect(s).toContain(`${improved}項目が前年度実績値を上回`);
        else expect(s).toContain('前年度実績値を上回った項目はありません');
        if (achieved === 0) expect(s).not.toContain('目標値に達しています');
        else if (improved === total && achieved === total) expect(s).toContain('すべて目標値に達しています');
        else if (same && improved === achieved) expect(s).toContain(`${improved}項目が前年度実績値を上回り、目標値に達しています`);
        else expect(s).toContain(`${achieved}項目が目標値に達しています`);
      }),
    );
  });

  it('a 施策 without indicators says so', () => {
    expect(policySentence(0, 0, 0, true)).toContain('基本指標がありません');
  });
});

describe('the other sentences', () => {
  it('pastTargetNote: published for the ICT講習会 in FY2023', () => {
    expect(pastTargetNote('ICT活用のための市民・市民活動団体等対象の講習会の受講者数', false)).toBe(
      '◇ ICT活用のための市民・市民活動団体等対象の講習会の受講者数は、前年度実績値を下回っているが、目標値に達しています。',
    );
    expect(pastTargetNote('市内NPO法人数', true)).toContain('前年度実績値と同じ');
    expect(pastTargetNote('市内NPO法人数', true)).toContain('目標値に達しています');
  });

  it('overallSentence: published for FY2023', () => {
    expect(overallSentence(2023, 5, 7)).toBe(
      '◇ 2023年度の基本施策の実績値は、7つの基本施策のうち5施策が目標値に近づいている又は超えています。',
    );
    expect(overallSentence(2024, 0, 7)).toContain('2024年度');
    expect(overallSentence(2024, 0, 7)).not.toContain('0施策');
  });

  it('surveySentence: published for FY2023, and the all / none cases', () => {
    expect(surveySentence(3, 1)).toBe('◇ 全体指標3項目のうち1項目は前年度実績値を上回っています。');
    expect(surveySentence(3, 3)).toContain('すべて前年度実績値を上回っています');
    expect(surveySentence(3, 0)).toContain('上回った項目はありません');
    expect(surveySentence(3, 0)).not.toContain('0項目');
  });
});
