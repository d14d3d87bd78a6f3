/**
 * Copies text from a person's click through the asynchronous clipboard. False where a page's
 * permissions policy (an embed's host page may not allow `clipboard-write`) or the browser refuses
 * it: the caller then shows the text, selected, for the person to copy themselves. The deprecated
 * `execCommand('copy')` route, which could still copy in such an embed, is left out for size.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
