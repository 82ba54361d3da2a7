import { FS_REASONS } from '../workbook/file/messages';

export function errnoOf(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** `<what>: <path>（<reason>）`, e.g. 「書き出せません: /mnt/ro/a.xlsx（読み取り専用の場所です）」. */
export function fsMessage(file: string, err: unknown, what: string): string {
  const code = errnoOf(err);
  const reason = (code && FS_REASONS[code]) ?? (code ? `エラー ${code}` : err instanceof Error ? err.message : String(err));
  return `${what}: ${file}（${reason}）`;
}

export function isFsError(err: unknown): boolean {
  const code = errnoOf(err);
  return code !== undefined && /^E[A-Z]+$/.test(code);
}
