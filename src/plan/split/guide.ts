import { SUBMISSION_LIMITS } from '../compile/limits';
import { DEPARTMENT_CONTRIBUTION_SHEET } from '../contribution/sheets';

export const GUIDE_SHEET = '記入方法';

export interface GuideFacts {
  planName: string;
  department: string;
  year: number;
  fileName: string;
  indicatorRows: number;
  projects: number;
  contributions: number;
  inputs: number;
  rolledOver: boolean;
}

function mb(bytes: number): string {
  return String(Math.round(bytes / (1024 * 1024)));
}

/**
 * The first sheet of a department workbook, in Japanese. No line starts with 基本施策, ◇,
 * 重点項目 or a circled number, so the recogniser never takes it for part of the report.
 */
export function guideLines(f: GuideFacts): string[] {
  const y = f.year;
  const lines: string[] = [
    `${f.department} 記入用ファイル（${f.planName} ${y}年度の実施状況）`,
    '',
    '■ 記入するセル',
    '・水色のセルだけが入力できます。ほかのセルは保護されていて、参考として表示しています。',
    `・基本指標・全体指標のシート: ${y}年度の実績値と「施策の実施状況・実績の増減理由等」。`,
    `・実施計画のシート: 取組状況（${y}）と達成度（${y}）。` +
      (f.rolledOver ? `${y}年度の分を新しく記入してください（前年度の記入内容は消してあります）。` : ''),
    `・${DEPARTMENT_CONTRIBUTION_SHEET}のシート（ある場合）: この課の事業名と${y}年度の実績。取りまとめ課が各課の実績を合計して指標の実績値にします。`,
    '',
    '■ 入力のしかた',
    '・実績値は数値だけを入力します。単位（人、件など）は入力しません。',
    '・割合（%）の指標は 0～100 の数値で入力します。75.6% は 75.6 と入力します。',
    '・達成度はセルの一覧から選びます。',
    '・数式は使わないでください。数式は取り込まず、表示されている値だけを取り込みます。',
    '・1つのセルに入る文字は 32,767 文字までです。制御文字（見えない特殊な文字）は使えません。',
    '',
    '■ 提出前のチェック',
    `・Excel アドイン「協働推進計画 進捗チェック」の「チェック」、または コマンド shinchoku check ${f.fileName} で、エラーがないことを確かめてから提出してください。エラーのあるファイルは差し戻されます。`,
    '・シート名の変更、シートの追加・削除、行や列の挿入・削除はしないでください。保護を解除して水色以外のセルを変えたファイルも差し戻されます。',
    '・ファイル名は変えても構いません。Excel ブック（.xlsx）のまま保存してください。マクロ有効ブック（.xlsm）、古い形式（.xls）、パスワードを付けたファイル、外部ファイルへのリンクや埋め込みオブジェクトを含むファイルは受け付けません。',
    `・ファイルの大きさは ${mb(SUBMISSION_LIMITS.maxBytes)} MB、セルの数は ${String(SUBMISSION_LIMITS.maxCells).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} 個までです。`,
    '',
    '■ このファイルの内容',
    `・担当の指標 ${f.indicatorRows} 行、実施計画 ${f.projects} 件、内訳 ${f.contributions} 行（入力するセル ${f.inputs} 個）。`,
  ];
  return lines;
}
