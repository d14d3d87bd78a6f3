import type { TextMatcher } from '../../utils/chapters/search';

/**
 * Text with the search's matches in <mark>. The text is split into parts and each part rendered
 * as a text node, never as markup, so a chapter titled "<b>" stays those three characters.
 */
export function Highlight({ text, matcher }: { text: string; matcher: TextMatcher | null }) {
  if (!matcher) return <>{text}</>;
  return <>{matcher.split(text).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}
