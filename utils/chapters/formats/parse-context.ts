/**
 * What a caller may know about a chapter file besides its text. Every field is optional: parsers
 * use them only as fallbacks when the file itself does not say.
 */
export interface ParseContext {
  /** The imported file's name; its stem becomes the episode title when the file has none. */
  fileName?: string;
  /** The media's length in seconds; it closes the last chapter when the file leaves it open. */
  duration?: number;
  /** Episode title and show known from elsewhere (e.g. the page), used when the file has none. */
  title?: string;
  show?: string;
}
