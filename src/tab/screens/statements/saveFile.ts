/** Time the object URL of a download stays valid, in milliseconds. */
const OBJECT_URL_LIFETIME_MS = 60_000;

/**
 * Hands a downloaded file to the browser's download, as a click on a link with a `download` name would.
 * The object URL stays valid for a while after the click, because the browser reads the file from it
 * after the click handler returned.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}
