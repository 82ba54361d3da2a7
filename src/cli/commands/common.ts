import * as fs from 'fs';
import * as path from 'path';

export function notRecognised(file: string): string {
  return `${path.basename(file)} に協働推進計画の表が見つかりません。「基本指標項目」「全体指標項目」「事業名・担当課」などの見出しがある表を含むファイルを指定してください。`;
}

/** The path with every symbolic link resolved, also when the file itself does not exist yet. */
function realish(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realish(parent), path.basename(abs));
  }
}

function identity(p: string): string | undefined {
  try {
    const s = fs.statSync(p);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Whether writing `b` would write the file `a`: the same path once symbolic links (of the file
 * or of any folder on the way) are resolved, or the same device and inode (a hard link).
 */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b) || realish(a) === realish(b)) return true;
  const ia = identity(a);
  return ia !== undefined && ia === identity(b);
}
