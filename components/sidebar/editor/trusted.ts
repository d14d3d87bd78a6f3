/**
 * Every editor action stores something, so it runs only for the person's own input: a page script
 * that reaches a button and calls click() (or dispatches an event) sends an untrusted event, and
 * nothing happens.
 */
export function trusted<E extends Event>(action: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) action(event);
  };
}
