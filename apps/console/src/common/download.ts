import { twoDigits } from './duration';

/** Saves a file the page made: a Blob behind a temporary object URL and an `a download` click. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; a later tick keeps slower browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** YYYYMMDD of the reader's own calendar day, for file names. */
export function fileDate(ms: number): string {
  const day = new Date(ms);
  return `${day.getFullYear()}${twoDigits(day.getMonth() + 1)}${twoDigits(day.getDate())}`;
}

/** `shipments.xlsx` → `shipments`. */
export function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]*$/, '') || fileName;
}
