import fc from 'fast-check';
import { chartScale } from '../../src/taskpane/features/progress/chartScale';

describe('the trend charts’ value axis', () => {
  // Figures as reports have them: up to two decimals, up to ten million.
  it('starts at zero (or below it for negative values), takes in every value and the target, in round ascending ticks', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
          { minLength: 1, maxLength: 8 },
        ),
        (values) => {
          const s = chartScale(values);
          expect(s.min).toBeLessThanOrEqual(0);
          if (values.every((v) => v >= 0)) expect(s.min).toBe(0);
          for (const v of values) {
            expect(v).toBeGreaterThanOrEqual(s.min);
            expect(v).toBeLessThanOrEqual(s.max + 1e-9 * Math.abs(s.max));
          }
          expect(s.ticks[0]).toBe(s.min);
          expect(s.ticks[s.ticks.length - 1]).toBe(s.max);
          expect(s.ticks.length).toBeGreaterThanOrEqual(3);
          expect(s.ticks.length).toBeLessThanOrEqual(6);
          for (let i = 1; i < s.ticks.length; i++) expect(s.ticks[i]).toBeGreaterThan(s.ticks[i - 1]);
        },
      ),
    );
  });

  it('keeps a small change on a large value in proportion (1,000 → 1,002 件 does not fill the chart)', () => {
    const s = chartScale([1000, 1002, 1100]);
    expect(s.min).toBe(0);
    expect(s.max).toBeGreaterThanOrEqual(1100);
    expect(s.max).toBeLessThan(2000);
  });
});
