/**
 * Copies text from a person's click. The asynchronous clipboard comes first; where a page's
 * permissions policy or an older browser refuses it, a selected <textarea> and the `copy` command
 * (still allowed during the click) take over. False when neither worked: the caller then shows
 * the text for the person to copy themselves.
 */
export async function copyText(text: string, container: Node): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Fall through to the copy command.
  }
  const doc = container.ownerDocument ?? document;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
  container.appendChild(area);
  try {
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
