/**
 * The link as an absolute http(s) URL, or null. Chapter links end up as clickable anchors, so
 * javascript:, data: and other schemes from untrusted files are never kept.
 */
export function readHttpUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
