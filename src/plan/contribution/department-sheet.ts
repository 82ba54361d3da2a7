import { contributionKeyOf } from '../keys';
import { SheetBuilder } from '../split/builder';
import { actualValidation, type DepartmentContext } from '../split/department';
import {
  DEPARTMENT_CONTRIBUTION_COLUMNS,
  DEPARTMENT_CONTRIBUTION_SHEET,
  DEPARTMENT_CONTRIBUTION_TITLE,
  DEPARTMENT_CONTRIBUTION_WIDTHS,
  departmentContributionHeader,
} from './sheets';

/** The department workbook's 内訳 sheet: one row per contribution the 課 is given (layout in sheets.ts). */
export function departmentContributionSheet(ctx: DepartmentContext): SheetBuilder | undefined {
  const mine = ctx.slots.filter((s) => s.department === ctx.department);
  if (mine.length === 0) return undefined;
  const b = new SheetBuilder(DEPARTMENT_CONTRIBUTION_SHEET, DEPARTMENT_CONTRIBUTION_WIDTHS);
  b.push([DEPARTMENT_CONTRIBUTION_TITLE], 'heading');
  b.push(['この課が実施した事業の実績を入力してください。取りまとめ課が各課の実績を合計して指標の実績値にします。']);
  b.push([]);
  b.push(departmentContributionHeader(ctx.year), 'header');
  b.freezeRows = b.length;
  for (const s of mine) {
    const ind = s.indicator;
    const at = b.push([ind.indicator.name, ind.owner ?? '', s.name, s.value ?? '', ind.unit ?? '']);
    const key = contributionKeyOf(ind.indicator.key, s.department, s.n);
    b.keyRow(at, key);
    b.input(at, DEPARTMENT_CONTRIBUTION_COLUMNS.name, { key, field: 'contribName' });
    b.input(at, DEPARTMENT_CONTRIBUTION_COLUMNS.value, { key, field: 'contribValue', validation: actualValidation(ind, ctx.year) });
  }
  return b;
}
