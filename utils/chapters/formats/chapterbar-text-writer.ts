import type { Episode } from '../schema';
import { writeClock } from './clock';
import { findSiteAddresses } from '../../sites/addresses';

// The writing half of chapterbar-text.ts, apart so that each file stays readable.

/**
 * Splits "No PriorsNo Priors Ep. 3 | …" into show and title: the longest prefix P (two characters
 * or more) such that the rest of the line starts with P again. P may not end in a space, so
 * ordinary titles that repeat a word ("Bora Bora", "Tora! Tora! Tora!") are not split.
 * The z-function finds every such P in one linear pass.
 */
export function splitDoubledShow(line: string): { show: string; title: string } | null {
  const z = zFunction(line);
  for (let length = Math.floor(line.length / 2); length >= 2; length--) {
    if ((z[length] ?? 0) >= length && !/\s/.test(line[length - 1] ?? '')) {
      const show = line.slice(0, length).trim();
      const title = line.slice(length).trim();
      return show && title ? { show, title } : null;
    }
  }
  return null;
}

/** z[i] = length of the longest common prefix of s and s.slice(i). */
function zFunction(s: string): number[] {
  const z = new Array<number>(s.length).fill(0);
  let left = 0;
  let right = 0;
  for (let i = 1; i < s.length; i++) {
    let length = i < right ? Math.min(right - i, z[i - left] ?? 0) : 0;
    while (i + length < s.length && s[length] === s[i + length]) length++;
    z[i] = length;
    if (i + length > right) {
      left = i;
      right = i + length;
    }
  }
  return z;
}

/** "YouTube" for ids the YouTube: line reads back unchanged; "Id <site>" for any other id. */
function siteHeader(site: string, id: string): string {
  const addresses = findSiteAddresses(site);
  if (addresses && addresses.readMediaId(id) === id) return addresses.name;
  return `Id ${site}`;
}

/** Writes an episode in the text format; parseChapterbarText reads it back to the same episode. */
export function formatChapterbarText(episode: Episode): string {
  const lines: string[] = [];
  const title = oneLine(episode.title);
  const show = oneLine(episode.show);
  const doubled = show + title;
  const split = splitDoubledShow(doubled);
  const titleAlone = splitDoubledShow(title);
  if (show && split?.show === show && split.title === title) {
    lines.push(doubled);
  } else {
    lines.push(title);
    // Without a Show: line the title line alone must not look like a doubled show name.
    if (show || titleAlone) lines.push(`Show: ${show}`);
  }
  for (const [site, ids] of Object.entries(episode.ids)) {
    for (const id of ids) lines.push(`${siteHeader(site, id)}: ${id}`);
  }
  for (const altTitle of episode.altTitles) lines.push(`Also titled: ${oneLine(altTitle)}`);
  if (episode.duration !== undefined) lines.push(`Duration: ${writeClock(episode.duration)}`);
  for (const [site, offset] of Object.entries(episode.offsets)) {
    lines.push(`Offset ${site}: ${offset >= 0 ? '+' : ''}${offset}`);
  }
  lines.push('CHAPTERS');
  for (const chapter of episode.chapters) {
    const end = chapter.end === undefined ? '' : ` – ${writeClock(chapter.end)}`;
    lines.push(`- ${writeClock(chapter.start)}${end}`, oneLine(chapter.title));
    if (chapter.url) lines.push(`Link: ${chapter.url}`);
    for (const line of chapter.description.split('\n')) if (line.trim()) lines.push(line.trim());
    for (const bullet of chapter.bullets) lines.push(`- •${oneLine(bullet)}`);
  }
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
