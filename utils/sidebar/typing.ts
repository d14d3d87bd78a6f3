const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/**
 * Chapterbar's own closed shadow root behind a host, if any (own-roots.ts keeps them): the page
 * cannot reach them through `host.shadowRoot`, and neither could this module without being told.
 */
export type OwnShadowRoot = (host: Element) => ShadowRoot | undefined;

/** The focused element, looking into open shadow roots (a site's search box can live in one) and our own closed ones. */
function deepActiveElement(doc: Document, ownRoot?: OwnShadowRoot): Element | null {
  let active: Element | null = doc.activeElement;
  for (;;) {
    const root = active ? (active.shadowRoot ?? ownRoot?.(active)) : null;
    if (!root?.activeElement) return active;
    active = root.activeElement;
  }
}

/** Whether a keyboard shortcut now would land in the middle of what the person is typing. */
export function isTyping(doc: Document, ownRoot?: OwnShadowRoot): boolean {
  const active = deepActiveElement(doc, ownRoot);
  if (!active) return false;
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement) return true;
  if (active instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(active.type);
  return active instanceof HTMLElement && active.isContentEditable;
}
