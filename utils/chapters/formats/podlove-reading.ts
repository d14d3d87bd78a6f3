/** The Podlove Simple Chapters namespace. */
export const PSC_NAMESPACE = 'http://podlove.org/simple-chapters';

/** One psc:chapter element's attributes as written, with where it is for problems. */
export interface PodloveChapterSource {
  start: string | null;
  title: string | null;
  href: string | null;
  /** 1-based position in its psc:chapters list, for field paths like psc:chapter[2]/@start. */
  position: number;
  line?: number;
}

/** What the scanner found in a feed or a .psc file. */
export interface PodloveReading {
  /** The feed's title (RSS channel or Atom feed), '' when there is none. */
  show: string;
  /** Title of the item or entry holding the chapters, '' when there is none. */
  title: string;
  /** The first psc:chapters list's chapters; null when the file has no list. */
  chapters: PodloveChapterSource[] | null;
  /** How many psc:chapters lists the chosen item holds (the Podlove spec allows one). */
  listsInItem: number;
  /** How many items or entries hold chapters. */
  itemsWithChapters: number;
  /**
   * Where an external chapter file is: an Atom link rel="http://podlove.org/simple-chapters", or
   * a Podcasting 2.0 <podcast:chapters url="…">.
   */
  externalChapters: string | null;
}
