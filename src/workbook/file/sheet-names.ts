import type ExcelJS from 'exceljs';

/** Excel's rules for a sheet name, as a Japanese reason when broken. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'シート名が空です。';
  if (name.length > 31) return 'シート名は 31 文字までです。';
  if (/[*?:/\\[\]]/.test(name)) return 'シート名に * ? : / \\ [ ] は使えません。';
  if (/^'|'$/.test(name)) return "シート名の先頭と末尾にはアポストロフィ (') を使えません。";
  if (name.toLowerCase() === 'history') return '「History」は Excel が予約しているシート名です。';
  return undefined;
}

/** A valid sheet name derived from arbitrary text (a file name, for instance). */
export function safeSheetName(text: string): string {
  let name = text
    .replace(/[*?:/\\[\]]/g, '_')
    .replace(/^'+|'+$/g, '')
    .slice(0, 31);
  if (name.trim() === '' || name.toLowerCase() === 'history') name = 'Sheet1';
  return name;
}

/** Excel treats sheet names case-insensitively; an exact match wins when both exist. */
export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const sheets = wb.worksheets;
  return sheets.find((ws) => ws.name === name) ?? sheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
}
