/**
 * Copies text from a person's click through the asynchronous clipboard. False where a page's
 * permissions policy or the browser refuses it: the caller then shows the text, selected, for the
 * person to copy themselves (the old `execCommand('copy')` route is deprecated and was only
 * another way to the same refusal).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
