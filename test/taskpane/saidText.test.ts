import fc from 'fast-check';
import { MESSAGES, said, type MessageId, type MessageParams } from '../../src/plan/messages';
import { createI18n } from '../../src/taskpane/i18n';
import { saidParts, saidText } from '../../src/taskpane/i18n/findingText';

const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/u;

/** Params of every message, around a name `n` and a written value `v` from the workbook. */
function samples(n: string, v: string): { [M in MessageId]: MessageParams<M>[] } {
  return {
    'verdict-unreadable': [{}],
    'verdict-rejected': [{ errors: 3 }],
    'verdict-empty': [{}],
    'verdict-no-figure': [{}],
    'verdict-ok': [{}],
    'manifest-problem': [{ message: v }],
    'other-plan': [{ plan: n, expected: v }],
    'other-template': [{ version: '0', expected: '1' }],
    'other-year': [{ year: 2025, expected: 2024 }],
    'department-not-in-master': [{ department: n }],
    'forged-signature': [{}],
    'forged-contribution': [{ department: n }],
    'row-inserted': [{ row: 4, now: 5 }],
    'row-deleted': [{ row: 4 }],
    'rows-deleted': [{ row: 4, last: 6 }],
    'rows-deleted-to-end': [{ row: 4 }],
    'locked-cell-changed': [{ cell: 'K5', now: v }],
    'outside-range': [{ cell: 'Z9', now: v }],
    'more-cells-changed': [{ count: 7 }],
    'sheet-renamed': [{ sheet: n, now: v }],
    'sheet-missing': [{ sheet: n }],
    'sheet-added': [{ sheet: n }],
    'cell-error-value': [{ cell: 'E4', error: '#REF!' }],
    'dde-formula': [{ cell: 'E4', formula: `cmd|'${v}'!A0` }],
    'formula-not-taken': [{ cell: 'E4', formula: `CONCAT("${v}")`, value: v }],
    'text-too-long': [{ cell: 'E4', length: '40,000' }],
    'control-character': [{ cell: 'E4', code: 'U+0007' }],
    'file-problem': [{ message: v }],
    'duplicate-department-files': [{ department: n, count: 2, files: `${n}.xlsx、${n} (2).xlsx` }],
    'row-not-in-master': [{ key: v }],
    'row-owned-elsewhere': [{ label: n, owner: v }],
    'contribution-of-other-department': [{ department: n }],
    'contribution-not-shared': [{}],
    'contribution-mismatch': [{ label: n, year: 2024, typed: '12.5%', total: '148法人' }],
    'signatures-unchecked': [{}],
    'projects-rolled-over': [{ master: `${n}.xlsx`, from: 2023, to: 2024, cleared: 12 }],
    'master-note': [{ message: v }],
  };
}

/** Messages that are a sentence made elsewhere, quoted whole (a manifest's or a file's problem, a note on the master). */
const QUOTED_WHOLE: readonly MessageId[] = ['manifest-problem', 'file-problem', 'master-note'];
const IDS = Object.keys(MESSAGES) as MessageId[];
const en = createI18n('en');
const ja = createI18n('ja');

function withoutQuoted(text: string, quoted: readonly string[]): string {
  return [...quoted].sort((a, b) => b.length - a.length).reduce((rest, q) => (q ? rest.split(q).join('') : rest), text);
}

describe('verdict and compile sentences worded in English', () => {
  it('has an English template for every message', () => {
    expect(IDS.filter((id) => !en.exists(`rules.${id}`, { lng: 'en', fallbackLng: [] }))).toEqual([]);
  });

  it('leaves no Japanese but what the workbook wrote, fills every placeholder, and marks what it quotes', () => {
    const japaneseText = fc.stringMatching(/^[一-龥ぁ-んァ-ン]{1,12}$/u);
    fc.assert(
      fc.property(japaneseText, japaneseText, (n, v) => {
        const all = samples(n, v);
        for (const id of IDS) {
          for (const params of all[id] as MessageParams<MessageId>[]) {
            const s = { ...said(id, params), file: `${n}.xlsx`, sheet: n, cell: 'B7' };
            const parts = saidParts(s, en);
            const text = parts.map((p) => p.text).join('');
            expect(text).not.toMatch(/{{|}}|\ue000|\ue001/);
            if (QUOTED_WHOLE.includes(id)) continue;
            expect(text).not.toBe(s.text);
            // The pane's own words hold no Japanese: every Japanese character is in a quoted part.
            expect(
              parts
                .filter((p) => !p.data)
                .map((p) => p.text)
                .join(''),
            ).not.toMatch(JAPANESE);
            expect(withoutQuoted(text, [n, v, '148法人'])).not.toMatch(JAPANESE);
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it('says where, then what, then whom to ask; in Japanese it is the plan’s own text', () => {
    const s = { ...said('other-year', { year: 2025, expected: 2024 }), file: '河川課.xlsx', ask: 'coordinator' as const };
    expect(saidText(s, en)).toBe(
      '河川課.xlsx: This is a FY2025 file; this compile is for FY2024. Please fill in the FY2024 file. Please contact the coordinator.',
    );
    expect(saidText(s, ja)).toBe(s.text);
  });

  it('quotes a value with the unit it was written with, never another indicator’s', () => {
    const s = said('contribution-mismatch', { label: '協働事業数', year: 2024, typed: '150法人', total: '148法人' });
    const text = saidText(s, en);
    expect(text).toContain('150法人');
    expect(text).toContain('148法人');
    expect(text).not.toMatch(/148%|150%/);
  });
});
