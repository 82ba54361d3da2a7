import type { FileSaver } from '../../services';

/** Saves through a temporary `<a download>`; the object URL is released once the click is handled. */
export const saveFile: FileSaver = (blob, fileName) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/** `report.xlsx` → `report_結果.xlsx` (the pattern comes from the resource files). */
export function baseName(fileName: string): string {
  return fileName.replace(/\.xlsx$/i, '');
}
