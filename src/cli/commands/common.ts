import * as path from 'path';

export function notRecognised(file: string): string {
  return `${path.basename(file)} に協働推進計画の表が見つかりません。「基本指標項目」「全体指標項目」「事業名・担当課」などの見出しがある表を含むファイルを指定してください。`;
}

export function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}
