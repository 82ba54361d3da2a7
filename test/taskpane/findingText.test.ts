import fc from 'fast-check';
import { RULES, finding, type RuleId, type RuleParams } from '../../src/plan/rules';
import { createI18n } from '../../src/taskpane/i18n';
import { findingText } from '../../src/taskpane/i18n/findingText';

const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/u;

/** Params of every rule, in the forms the plan builds them, around a name `n` and a written value `v` from the sheet. */
function samples(n: string, v: string): { [R in RuleId]: RuleParams<R>[] } {
  const whats = ['2023年度の値', `2022年度（${n}）の値`, '目標値', `目標値（${n}）`];
  return {
    'policy-heading-missing': [
      { how: '重点項目', number: 2 },
      { how: '表の順番', number: 5 },
    ],
    'duplicate-table': [{ what: n }],
    'unplaced-header': [
      { label: n, yearMissing: true },
      { label: n, yearMissing: false },
    ],
    'year-column-missing': [{ year: 2023 }],
    'column-not-read': [{ reason: v }],
    'row-not-read': [{ reason: v }],
    'hidden-row': [{ row: 12, name: n }],
    'hidden-indicator': [{ row: 12, name: n }],
    'names-joined': [{ above: n, below: v, joined: `${n}${v}` }],
    'unread-label': [{ name: n }],
    'progress-column-missing': [{ cell: 'H3' }],
    'progress-column-protected': [{ sheet: n }],
    'stray-later-value': [{ name: n, year: 2024, raw: v, inferred: 2023 }],
    'progress-formula': [{ name: n, formula: 'IF(C3>B3,"↑","↓")' }],
    'formula-not-computed': whats.map((what) => ({ name: n, what, raw: v, why: v })),
    'value-note': whats.map((what) => ({ name: n, what, raw: v, value: '148', note: v })),
    'formula-error': whats.map((what) => ({ name: n, what, raw: '#REF!' })),
    'not-a-number': whats.map((what) => ({ name: n, what, raw: v })),
    'unit-mismatch': whats.map((what) => ({ name: n, what, unit: v, expected: '法人' })),
    'percent-range': whats.map((what) => ({ name: n, what, raw: v })),
    negative: whats.map((what) => ({ name: n, what, raw: v })),
    approximate: whats.map((what) => ({ name: n, what, raw: v })),
    'target-missing': [
      { name: n, label: '' },
      { name: n, label: `（${n}）` },
    ],
    'actual-missing': [
      { name: n, label: '', year: 2023 },
      { name: n, label: `（${n}）`, year: 2023 },
    ],
    'cumulative-decrease': [{ name: n, year: 2023, now: v, prev: '148法人' }],
    jump: [{ name: n, label: `（${n}）`, year: 2023, now: v, prev: '148法人', ratio: 2 }],
    'reason-missing': [{ name: n }],
    'duplicate-indicator': [{ name: n, first: 'A5' }],
    'repeat-mismatch': whats.map((what) => ({ name: n, origin: v, what, raw: v, original: '148法人' })),
    'department-manifest': [{ message: v }],
    'department-missing': [{ what: n }],
    'unknown-department': [{ what: n, text: v }],
    'duplicate-project': [{ no: 7, first: 'B9' }],
    'achievement-missing': [{ name: n }],
    'achievement-level': [{ name: n, text: v }],
    'sdgs-target': [{ name: n, codes: v }],
  };
}

const RULE_IDS = Object.keys(RULES) as RuleId[];
const en = createI18n('en');
const ja = createI18n('ja');

/** What is left of a sentence once the sheet's own names and values are taken out. */
function withoutQuoted(text: string, quoted: readonly string[]): string {
  return [...quoted].sort((a, b) => b.length - a.length).reduce((rest, q) => (q ? rest.split(q).join('') : rest), text);
}

describe('findings worded in English', () => {
  it('has an English template for every rule', () => {
    const missing = RULE_IDS.filter((id) => !en.exists(`rules.${id}`, { lng: 'en', fallbackLng: [] }));
    expect(missing).toEqual([]);
  });

  it('leaves no Japanese except the names and values quoted from the sheet, and fills every placeholder', () => {
    const japaneseText = fc.stringMatching(/^[一-龥ぁ-んァ-ン０-９]{1,12}$/u);
    fc.assert(
      fc.property(japaneseText, japaneseText, (n, v) => {
        const all = samples(n, v);
        for (const id of RULE_IDS) {
          for (const params of all[id] as RuleParams<RuleId>[]) {
            const f = finding(id, '施策1', 'C3', params);
            const text = findingText(f, en);
            // A manifest problem is its whole sentence, quoted as it came.
            if (id !== 'department-manifest') expect(text).not.toBe(f.message);
            expect(text).not.toMatch(/{{|}}/);
            expect(withoutQuoted(text, [n, v, '148法人', '法人'])).not.toMatch(JAPANESE);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('stays the Japanese message in Japanese, and for findings without params', () => {
    const f = finding('jump', '施策1', 'C3', { name: '協働事業数', label: '', year: 2023, now: '300法人', prev: '148法人', ratio: 2 });
    expect(findingText(f, ja)).toBe(f.message);
    expect(findingText({ ...f, params: undefined }, en)).toBe(f.message);
    expect(findingText(f, en)).toBe(
      'The FY2023 value of 協働事業数, 300法人, differs greatly from the previous 148法人 (a change of more than 2 times). Please check it is not a typing error.',
    );
  });

  it('chooses the variant the Japanese wording chooses', () => {
    const noYear = findingText(finding('unplaced-header', 'S', 'C2', { label: '実績', yearMissing: true }), en);
    const unknown = findingText(finding('unplaced-header', 'S', 'C2', { label: '実績', yearMissing: false }), en);
    expect(noYear).toContain('has no fiscal year');
    expect(unknown).toContain('was not read');
  });
});
