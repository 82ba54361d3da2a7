/** Japanese for the file-system failures a person can act on, naming the path. */
const REASONS: Record<string, string> = {
  EACCES: 'アクセスする権限がありません',
  EPERM: 'この操作は許可されていません',
  EROFS: '読み取り専用の場所です',
  ENOSPC: 'ディスクの空きがありません',
  ENAMETOOLONG: 'パスまたはファイル名が長すぎます',
  ENOENT: 'ファイルまたはフォルダーがありません',
  ENOTDIR: 'パスの途中がフォルダーではありません',
  EISDIR: 'フォルダーです',
  EEXIST: '同じ名前のものが既にあります',
  EMFILE: '開いているファイルが多すぎます',
  EBUSY: 'ほかのプログラムが使用中です',
};

export function errnoOf(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** `<what>: <path>（<reason>）`, e.g. 「書き出せません: /mnt/ro/a.xlsx（読み取り専用の場所です）」. */
export function fsMessage(file: string, err: unknown, what: string): string {
  const code = errnoOf(err);
  const reason = (code && REASONS[code]) ?? (code ? `エラー ${code}` : err instanceof Error ? err.message : String(err));
  return `${what}: ${file}（${reason}）`;
}

export function isFsError(err: unknown): boolean {
  const code = errnoOf(err);
  return code !== undefined && /^E[A-Z]+$/.test(code);
}
