import {
  composeReason,
  narrativeOf,
  sumOf,
  parseContributionKey,
  FIELD_LABELS,
  currentContributions,
  ledgerId,
  type MasterView,
  type LedgerContribution,
} from '../department-workbook';
import type { IndicatorRow } from '../split/rows';
import { a1 } from '../grid';
import { formatValue } from '../value';
import { said, type Said } from '../messages';
import { locate, type Examined } from './examine';
import { asCell, canonical, figureOf } from './fields';
import type { HistoryRow } from './ledger';
import type { MasterDraft } from './master-draft';

/**
 * ContributionTotals to shared indicators: each department's rows are recorded in the contribution
 * ledger (協働指標の内訳) and the owning indicator gets their sum and the ◆ lines. The total
 * is a function of the recorded set, so it comes out the same whatever order files arrive in.
 */
export class ContributionTotals {
  private readonly entries = new Map<string, LedgerContribution>();
  private readonly seeded = new Set<string>();

  constructor(
    private readonly view: MasterView,
    ledger: readonly LedgerContribution[],
  ) {
    for (const e of ledger) this.entries.set(ledgerId(e), e);
  }

  private sharedRow(indicatorKey: string): IndicatorRow | undefined {
    for (const r of this.view.rows) if (r.kind !== 'project' && r.shared && r.series === 0 && r.indicator.key === indicatorKey) return r;
    return undefined;
  }

  /** The published ◆ lines count as this year's record until a department reports. */
  private seed(row: IndicatorRow): void {
    const key = row.indicator.key;
    if (this.seeded.has(key)) return;
    this.seeded.add(key);
    const y = this.view.year;
    if ([...this.entries.values()].some((e) => e.year === y && e.indicatorKey === key)) return;
    for (const c of currentContributions(row, [], y, this.view.sheets, this.view.planDepartments)) {
      const e: LedgerContribution = { ...c, year: y, indicatorKey: key, indicatorName: row.indicator.name, unit: row.unit };
      this.entries.set(ledgerId(e), e);
    }
  }

  /** Records one file's contribution rows; returns 提出履歴 rows and warnings. */
  record(ex: Examined, department: string, now: string): { history: HistoryRow[]; warnings: Said[] } {
    const history: HistoryRow[] = [];
    const warnings: Said[] = [];
    const byKey = new Map<string, { name?: string; value?: number; changed: boolean; sheet: string; cell: string }>();
    for (const v of ex.values) {
      if (v.input.field !== 'contribName' && v.input.field !== 'contribValue') continue;
      const slot = byKey.get(v.input.key) ?? { changed: false, sheet: v.input.sheet, cell: a1(v.input.row, v.input.col) };
      if (v.input.field === 'contribName') slot.name = String(v.cell?.value ?? '').trim();
      else slot.value = figureOf(v.cell);
      if (canonical(v.input.field, v.cell) !== canonical(v.input.field, asCell(v.input.base))) slot.changed = true;
      byKey.set(v.input.key, slot);
    }
    for (const [key, slot] of byKey) {
      const parsed = parseContributionKey(key);
      const row = parsed && this.sharedRow(parsed.indicatorKey);
      if (!parsed || parsed.department !== department || !row) {
        if (slot.changed) {
          warnings.push(
            locate(
              ex.input.file,
              slot.sheet,
              slot.cell,
              parsed && parsed.department !== department
                ? said('contribution-of-other-department', { department: parsed.department })
                : said('contribution-not-shared', {}),
            ),
          );
        }
        continue;
      }
      this.seed(row);
      const id = ledgerId({ year: this.view.year, indicatorKey: parsed.indicatorKey, department: parsed.department, n: parsed.n });
      const old = this.entries.get(id);
      const next: LedgerContribution | undefined =
        slot.value === undefined
          ? undefined
          : {
              year: this.view.year,
              indicatorKey: parsed.indicatorKey,
              indicatorName: row.indicator.name,
              department: parsed.department,
              n: parsed.n,
              name: slot.name ?? old?.name ?? '',
              value: slot.value,
              unit: row.unit,
            };
      const show = (e: LedgerContribution | undefined) => (e ? `${e.name} ${formatValue(e.value ?? 0, row.unit)}` : '');
      if (show(old) === show(next)) continue;
      if (next) this.entries.set(id, next);
      else this.entries.delete(id);
      const ref = row.inputs.actual ?? row.indicator.nameRef;
      history.push({
        time: now,
        department,
        file: ex.input.file,
        sha256: ex.input.sha256,
        sheet: ref.sheet,
        cell: a1(ref.row, ref.col),
        item: `${row.label}（内訳: ${next?.name ?? old?.name ?? ''}）`,
        old: show(old),
        value: show(next),
      });
    }
    return { history, warnings };
  }

  /** Indicators whose total now comes from contributions (the coordinator's typed figure is not used). */
  summed(): Set<string> {
    const keys = new Set<string>();
    for (const e of this.entries.values()) if (e.year === this.view.year) keys.add(e.indicatorKey);
    return keys;
  }

  /** Writes sums and ◆ lines into the owning rows. */
  apply(draft: MasterDraft, now: string): HistoryRow[] {
    const history: HistoryRow[] = [];
    const y = this.view.year;
    for (const key of this.summed()) {
      const row = this.sharedRow(key);
      if (!row) continue;
      const list = [...this.entries.values()].filter((e) => e.year === y && e.indicatorKey === key);
      const total = sumOf(list);
      const write = (field: 'actual' | 'reason', value: string) => {
        const ref = row.inputs[field];
        if (!ref) return;
        const before = draft.current(ref);
        if (canonical(field, before) === canonical(field, { value })) return;
        draft.set(ref, value);
        history.push({
          time: now,
          department: '（内訳の合計）',
          file: '',
          sha256: '',
          sheet: ref.sheet,
          cell: a1(ref.row, ref.col),
          item: `${row.label}（${FIELD_LABELS[field]}）`,
          old: String(before?.value ?? ''),
          value,
        });
      };
      if (total !== undefined) write('actual', formatValue(total, row.unit));
      const reasonRef = row.inputs.reason;
      if (reasonRef)
        write(
          'reason',
          composeReason(narrativeOf(String(draft.current(reasonRef)?.value ?? '')), list, row.unit, this.view.planDepartments.coordinator),
        );
    }
    return history;
  }

  all(): LedgerContribution[] {
    return [...this.entries.values()];
  }

  /** A figure the coordinator typed that the departments' rows do not add up to. */
  mismatch(row: IndicatorRow, typed: number | undefined): Said | undefined {
    const list = [...this.entries.values()].filter((e) => e.year === this.view.year && e.indicatorKey === row.indicator.key);
    const total = sumOf(list);
    if (typed === undefined || total === undefined || typed === total) return undefined;
    return said('contribution-mismatch', {
      label: row.label,
      year: this.view.year,
      typed: formatValue(typed, row.unit),
      total: formatValue(total, row.unit),
    });
  }
}
