/*
 * Input as the person makes it. The sidebar acts only on trusted events (components/sidebar/
 * trusted.ts); happy-dom has no `isTrusted` at all, so a test marks the events that stand for a
 * real click or key, and a plain `element.click()` stands for a page script's synthetic one.
 */
export function trustedEvent<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A real click, as the browser makes it from a pointer or from Enter/Space on a button. */
export function personClick(element: Element): void {
  element.dispatchEvent(trustedEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
}
