/** Saves bytes as a file through a temporary object URL (no server round trip). */
export function download(name: string, content: Uint8Array | string | Blob, type: string): void {
  // A fresh Uint8Array is backed by a plain ArrayBuffer, which Blob requires.
  const part = typeof content === 'string' || content instanceof Blob ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the browser may still be reading the blob for the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
