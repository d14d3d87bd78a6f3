const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
};

/** Decodes the few named entities chapter sources use, and numeric ones; unknown names stay as written. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      const isScalarValue = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return isScalarValue ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[name] ?? entity;
  });
}

/** Removes markup such as <b>, <c.loud> or <00:01.000>; text only, nothing is ever rendered as HTML. */
export function stripTags(text: string): string {
  return text.replace(/<[^<>]*>/g, '');
}

/** Text of an HTML fragment whose line breaks are <br> tags (old YouTube description markup). */
export function htmlToText(html: string): string {
  return decodeHtmlEntities(stripTags(html.replace(/<br\s*\/?>/gi, '\n')));
}
