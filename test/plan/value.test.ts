import fc from 'fast-check';
import { decimalsOf, formatValue, parseCell, parseText } from '../../src/plan/value';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('parseText: figures as department clerks type them', () => {
  it.each([
    ['1,283 人', 1283, '人'],
    ['299件', 299, '件'],
    ['75.6%', 75.6, '%'],
    ['68.0点', 68, '点'],
    ['1,105g', 1105, 'g'],
    ['148法人', 148, '法人'],
    ['72 事業者', 72, '事業者'],
    ['1,000,000円', 1000000, '円'],
  ])('%s → %d %s', (text, value, unit) => {
    const p = parseText(text);
    expect(p.kind).toBe('number');
    expect(p.value).toBe(value);
    expect(p.unit).toBe(unit);
    expect(p.values).toBeUndefined();
    expect(p.approximate).toBeUndefined();
  });

  it('reads full-width digits and ％', () => {
    expect(parseText('１２３')).toMatchObject({ kind: 'number', value: 123 });
    expect(parseText('１２３').unit).toBeUndefined();
    expect(parseText('７５．６％')).toMatchObject({ kind: 'number', value: 75.6, unit: '%' });
    expect(parseText('１，２８３　人')).toMatchObject({ kind: 'number', value: 1283, unit: '人' });
  });

  it('keeps the shown text on one line in raw', () => {
    expect(parseText('  ３００件 ').raw).toBe('300件');
    expect(parseText('1,141g\n1,215g').raw).toBe('1,141g 1,215g');
  });

  it.each(['—', '-', '－', '―', 'ー', '--'])('a dash (%s) means "no figure": kind none', (text) => {
    expect(parseText(text).kind).toBe('none');
    expect(parseText(text).value).toBeUndefined();
  });

  it.each(['', '   ', '\u3000', '\n'])('blank text %j is empty', (text) => {
    expect(parseText(text)).toEqual({ kind: 'empty', raw: '' });
  });

  it('約 marks an approximate figure', () => {
    expect(parseText('約6,000人')).toMatchObject({ kind: 'number', value: 6000, unit: '人', approximate: true });
    expect(parseText('約 6,000人')).toMatchObject({ kind: 'number', value: 6000, approximate: true });
  });

  it('two figures in one cell: the restated (last) one is current, both are kept', () => {
    expect(parseText('1,141g 1,215g')).toMatchObject({ kind: 'number', value: 1215, values: [1141, 1215], unit: 'g' });
    expect(parseText('21,973人 22,000人')).toMatchObject({ kind: 'number', value: 22000, values: [21973, 22000], unit: '人' });
    expect(parseText('10.91% 10.1%')).toMatchObject({ value: 10.1, values: [10.91, 10.1], unit: '%' });
  });

  it('two figures with different units are not one value', () => {
    const p = parseText('12件 13人');
    expect(p.kind).toBe('invalid');
    expect(p.error).toMatch(JAPANESE);
  });

  it('a series label in parentheses is kept apart from the figure', () => {
    expect(parseText('71.2% (小6)')).toMatchObject({ kind: 'number', value: 71.2, unit: '%', label: '小6' });
    expect(parseText('35.7%（中3）')).toMatchObject({ kind: 'number', value: 35.7, unit: '%', label: '中3' });
  });

  it('△ / ▲ mark a negative figure', () => {
    expect(parseText('△1')).toMatchObject({ kind: 'number', value: -1 });
    expect(parseText('▲ 5件')).toMatchObject({ kind: 'number', value: -5, unit: '件' });
    expect(parseText('-5件')).toMatchObject({ kind: 'number', value: -5, unit: '件' });
  });

  it('a typographic minus sign (U+2212) is a negative figure, not garbage', () => {
    expect(parseText('\u22123件')).toMatchObject({ kind: 'number', value: -3, unit: '件' });
  });

  it('a space typed after a thousands comma is a typo, not two figures', () => {
    expect(parseText('1, 283人')).toMatchObject({ kind: 'number', value: 1283, unit: '人' });
    expect(parseText('1, 283人').values).toBeUndefined();
  });

  it.each(['調査中', '12a3', '12.3.4', '1,2345人', '.5', '5.', '1e5', '集計中 12件'])(
    '%s cannot be read: invalid with a Japanese reason that quotes it',
    (text) => {
      const p = parseText(text);
      expect(p.kind).toBe('invalid');
      expect(p.value).toBeUndefined();
      expect(p.error).toMatch(JAPANESE);
      expect(p.error).toContain(text);
    },
  );

  it('a label without any figure is invalid', () => {
    const p = parseText('(小6)');
    expect(p.kind).toBe('invalid');
    expect(p.label).toBe('小6');
    expect(p.error).toMatch(JAPANESE);
  });
});

describe('parseCell: cells from a workbook', () => {
  it('no cell / null value is empty', () => {
    expect(parseCell(undefined).kind).toBe('empty');
    expect(parseCell(null).kind).toBe('empty');
    expect(parseCell({ value: null }).kind).toBe('empty');
    expect(parseCell({ value: '' }).kind).toBe('empty');
  });

  it('a plain number', () => {
    expect(parseCell({ value: 1283 })).toMatchObject({ kind: 'number', value: 1283, raw: '1,283' });
    expect(parseCell({ value: 1283 }).unit).toBeUndefined();
  });

  it('a percent number format shows the stored fraction ×100 with unit %', () => {
    expect(parseCell({ value: 0.756, numFmt: '0.0%' })).toMatchObject({ kind: 'number', value: 75.6, unit: '%' });
    expect(parseCell({ value: 0.1234, numFmt: '0.00%' })).toMatchObject({ value: 12.34, unit: '%' });
    expect(parseCell({ value: 0.07, numFmt: '0%' })).toMatchObject({ value: 7, unit: '%' });
    expect(parseCell({ value: 0.756, numFmt: '0.0%;[Red]-0.0%' })).toMatchObject({ value: 75.6, unit: '%' });
  });

  it('a quoted % in the format is a literal: no scaling', () => {
    expect(parseCell({ value: 12, numFmt: '0"%"' })).toMatchObject({ value: 12, unit: '%' });
  });

  it('a unit in the number format becomes the unit', () => {
    expect(parseCell({ value: 1283, numFmt: '#,##0"人"' })).toMatchObject({ kind: 'number', value: 1283, unit: '人', raw: '1,283人' });
    expect(parseCell({ value: 12, numFmt: '0"件";-0"件"' })).toMatchObject({ value: 12, unit: '件' });
    expect(parseCell({ value: 72, numFmt: '0\\事' })).toMatchObject({ value: 72, unit: '事' });
    expect(parseCell({ value: 12, numFmt: 'General' }).unit).toBeUndefined();
  });

  it('raw shows the figure the way the format does (decimals kept)', () => {
    expect(parseCell({ value: 0.7, numFmt: '0.0%' }).raw).toBe('70.0%');
    expect(parseCell({ value: 68, numFmt: '0.0"点"' })).toMatchObject({ raw: '68.0点', value: 68, unit: '点' });
    expect(decimalsOf(parseCell({ value: 68, numFmt: '0.0"点"' }))).toBe(1);
    // …but never rounds away what the cell holds.
    expect(parseCell({ value: 1283.5, numFmt: '#,##0' })).toMatchObject({ raw: '1,283.5', value: 1283.5 });
    expect(parseCell({ value: 0.7567, numFmt: '0.0%' })).toMatchObject({ raw: '75.67%', value: 75.67 });
  });

  it('the unit is the literal after the figure: "約"#,##0"人" is 人 (approximate), not 約', () => {
    expect(parseCell({ value: 1283, numFmt: '"約"#,##0"人"' })).toMatchObject({
      value: 1283,
      unit: '人',
      approximate: true,
      raw: '約1,283人',
    });
    expect(parseCell({ value: 1283, numFmt: '[$-411]#,##0" 人"' })).toMatchObject({ value: 1283, unit: '人' });
  });

  it('padding, colours and date codes are not units', () => {
    expect(parseCell({ value: 1283, numFmt: '#,##0_);[Red](#,##0)' }).unit).toBeUndefined();
    expect(parseCell({ value: 45000, numFmt: 'yyyy/m/d' }).unit).toBeUndefined();
    expect(parseCell({ value: 3, numFmt: '@' }).unit).toBeUndefined();
  });

  it('a formula error is invalid and says which error', () => {
    const p = parseCell({ value: null, error: '#REF!' });
    expect(p.kind).toBe('invalid');
    expect(p.raw).toBe('#REF!');
    expect(p.error).toContain('#REF!');
    expect(p.error).toMatch(JAPANESE);
    expect(parseCell({ value: 12, formula: 'A1/B1', error: '#DIV/0!' }).kind).toBe('invalid');
  });

  it('a boolean or a non-finite number is invalid', () => {
    expect(parseCell({ value: true }).kind).toBe('invalid');
    expect(parseCell({ value: true }).error).toMatch(JAPANESE);
    expect(parseCell({ value: Number.NaN }).kind).toBe('invalid');
    expect(parseCell({ value: Number.POSITIVE_INFINITY }).kind).toBe('invalid');
  });

  it('text in a cell is parsed like typed text', () => {
    expect(parseCell({ value: '1,283 人' })).toMatchObject({ kind: 'number', value: 1283, unit: '人' });
    expect(parseCell({ value: '—' }).kind).toBe('none');
    expect(parseCell({ value: '調査中' }).kind).toBe('invalid');
  });
});

describe('formatValue', () => {
  it('groups thousands and appends the unit', () => {
    expect(formatValue(1283, '人')).toBe('1,283人');
    expect(formatValue(75.6, '%')).toBe('75.6%');
    expect(formatValue(1000000)).toBe('1,000,000');
    expect(formatValue(-5, '件')).toBe('-5件');
    expect(formatValue(0.5, '')).toBe('0.5');
  });

  it('keeps the decimals asked for (68.0点 stays 68.0点)', () => {
    expect(formatValue(68, '点', 1)).toBe('68.0点');
    expect(formatValue(1234.5, '人', 2)).toBe('1,234.50人');
  });

  it('decimalsOf counts the decimals of the last figure typed', () => {
    expect(decimalsOf(parseText('68.0点'))).toBe(1);
    expect(decimalsOf(parseText('10.91% 10.1%'))).toBe(1);
    expect(decimalsOf(parseText('1,283人'))).toBe(0);
  });
});

describe('properties', () => {
  const UNITS = ['人', '件', '%', '点', 'g', '法人', '事業者', '回', '団体', '世帯', ''];
  /** Integers up to 1e9, and fixed 1- or 2-decimal figures. */
  const figure = fc.oneof(
    fc.integer({ min: 0, max: 1_000_000_000 }),
    fc.integer({ min: 0, max: 100_000_000_000 }).map((n) => n / 100),
    fc.integer({ min: 0, max: 10_000_000_000 }).map((n) => n / 10),
  );
  const unit = fc.constantFrom(...UNITS);
  const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

  function expectRoundTrip(text: string, n: number, u: string): void {
    const p = parseText(text);
    expect(p.kind).toBe('number');
    expect(p.value).toBe(n);
    expect(p.unit).toBe(u === '' ? undefined : u);
    expect(p.values).toBeUndefined();
  }

  it('parseText never throws, for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (s) => {
        const p = parseText(s);
        expect(['empty', 'none', 'number', 'invalid']).toContain(p.kind);
        if (p.kind === 'invalid') expect(p.error).toBeTruthy();
        if (p.kind === 'number') expect(Number.isFinite(p.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseText never throws on value-like noise', () => {
    const piece = fc.constantFrom(
      '1',
      '2',
      '0',
      ',',
      '.',
      ' ',
      '　',
      '約',
      '△',
      '▲',
      '-',
      '—',
      '(',
      ')',
      '（',
      '）',
      '%',
      '％',
      '人',
      '件',
      'g',
      '\n',
      '１',
      '．',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 20 }).map((a) => a.join('')),
        (s) => {
          expect(() => parseText(s)).not.toThrow();
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('parseText(formatValue(n, unit)) gives back n and unit', () => {
    fc.assert(
      fc.property(figure, unit, (n, u) => expectRoundTrip(formatValue(n, u), n, u)),
      { numRuns: 1000 },
    );
  });

  it('… also for negative figures', () => {
    fc.assert(
      fc.property(
        figure.filter((n) => n > 0),
        unit,
        (n, u) => expectRoundTrip(formatValue(-n, u), -n, u),
      ),
      { numRuns: 300 },
    );
  });

  it('… also with full-width digits', () => {
    fc.assert(
      fc.property(figure, unit, (n, u) => expectRoundTrip(toFullWidth(formatValue(n, u)), n, u)),
      { numRuns: 1000 },
    );
  });

  it('a number cell with a unit format: raw reads back as the same figure and unit', () => {
    const fmt = fc.constantFrom('#,##0', '0.0', '#,##0.00', '0');
    fc.assert(
      fc.property(figure, unit, fmt, (n, u, f) => {
        const numFmt = u === '%' ? `${f}"%"` : u ? `${f}"${u}"` : f;
        const p = parseCell({ value: n, numFmt });
        expect(p).toMatchObject({ kind: 'number', value: n });
        expectRoundTrip(p.raw, n, u);
      }),
      { numRuns: 1000 },
    );
  });

  it('… also with spaces (half- or full-width) between number and unit', () => {
    fc.assert(
      fc.property(figure, unit, fc.constantFrom(' ', '  ', '\u3000', ' \u3000'), fc.boolean(), (n, u, space, full) => {
        const shown = formatValue(n, '') + space + u;
        expectRoundTrip(full ? toFullWidth(shown) : shown, n, u);
      }),
      { numRuns: 1000 },
    );
  });
});
