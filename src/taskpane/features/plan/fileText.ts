/** A chosen text file (a plan definition) as UTF-8 text; FileReader where Blob.text is missing. */
export function fileText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${(file as Partial<File>).name ?? 'file'}`));
    reader.readAsText(file, 'utf-8');
  });
}
