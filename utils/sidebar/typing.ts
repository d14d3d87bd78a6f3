const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'month', 'time', 'week']);

/** The focused element, looking into open shadow roots (a site's search box can live in one). */
function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether a keyboard shortcut now would land in the middle of what the person is typing. */
export function isTyping(doc: Document): boolean {
  const active = deepActiveElement(doc);
  if (!active) return false;
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement) return true;
  if (active instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(active.type);
  return active instanceof HTMLElement && active.isContentEditable;
}
