import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPageMaterial } from '../../../utils/page-chapters/reading/readers';
import { spotify } from '../../../utils/sites/spotify';
import type { PageChapters } from '../../../utils/sites/types';

const EPISODE = '7hTgQw2ErYuI9oPlKjHgF1';
const page = (notes: string) =>
  new DOMParser().parseFromString(`<main><div data-testid="episode-description">${notes}</div></main>`, 'text/html');
const NOTES = '<p>Show notes.</p><p>(00:00) Welcome<br>(00:45) Why chips for AI<br>(02:10) Wafer-scale engines</p><p>Follow the show.</p>';

const collect = (doc: Document, path: string, mediaId = EPISODE, duration: number | undefined = 300) =>
  spotify.collectPageChapters!(
    doc,
    new URL(`https://open.spotify.com${path}`),
    { site: 'spotify', mediaId, ...(duration ? { duration } : {}) },
    true,
  );

/** Collected in the content script, carried as a message (JSON), read by the background. */
function read(doc: Document, path: string, mediaId = EPISODE, duration?: number): PageChapters | null {
  const material = collect(doc, path, mediaId, duration);
  if (!material) return null;
  const reply = readPageMaterial(JSON.parse(JSON.stringify(material)));
  if (!reply.ok) throw new Error(reply.message);
  // The chapters of the episode the background makes, as the page gave them.
  const found = reply.page;
  return (
    found && {
      source: found.source,
      chapters: found.episode.chapters.map(({ start, end, title }) => ({ start, ...(end !== undefined && { end }), title })),
    }
  );
}

describe('Spotify page chapters', () => {
  it('reads the timestamps in the show notes of the episode that plays', () => {
    expect(read(page(NOTES), `/episode/${EPISODE}`, EPISODE, 300)).toEqual({
      source: 'description',
      chapters: [
        { start: 0, title: 'Welcome' },
        { start: 45, title: 'Why chips for AI' },
        { start: 130, title: 'Wafer-scale engines' },
      ],
    });
    expect(read(page(NOTES), `/intl-de/episode/${EPISODE}`)?.chapters).toHaveLength(3);
  });

  it('takes nothing from another episode’s page, or from any other page', () => {
    expect(collect(page(NOTES), `/episode/${EPISODE}`, '2Xq9cTnR4hLmV7bWp3KsYd')).toBeNull();
    expect(collect(page(NOTES), '/show/6vAqAV4ZEtBnqwqtsPGZlw')).toBeNull();
    expect(collect(page(''), `/episode/${EPISODE}`)).toMatchObject({ content: { notes: '' } });
    expect(collect(new DOMParser().parseFromString('<main></main>', 'text/html'), `/episode/${EPISODE}`)).toBeNull();
    expect(read(page('<p>No timestamps here.</p>'), `/episode/${EPISODE}`)).toBeNull();
  });

  it('collects the notes as text with their line breaks, and the episode’s length', () => {
    expect(collect(page(NOTES), `/episode/${EPISODE}`)).toEqual({
      site: 'spotify',
      mediaId: EPISODE,
      duration: 300,
      content: { notes: 'Show notes.\n(00:00) Welcome\n(00:45) Why chips for AI\n(02:10) Wafer-scale engines\nFollow the show.\n' },
      // The notes are there: with no times in them, Chapterbar would not send them again and again.
      settled: true,
    });
  });

  it('drops timestamps past the episode’s end', () => {
    expect(read(page(NOTES), `/episode/${EPISODE}`, EPISODE, 100)?.chapters.map((chapter) => chapter.title)).toEqual([
      'Welcome',
      'Why chips for AI',
    ]);
  });

  it('reads the fixture Spotify’s episode page as the end-to-end test sees it', () => {
    const catalog = JSON.parse(readFileSync(resolve(process.cwd(), 'tests/fixtures/sites/spotify/catalog.json'), 'utf8')) as {
      items: Array<{ id: string; lengthSeconds: number; description?: string }>;
    };
    const item = catalog.items.find((candidate) => candidate.id === EPISODE)!;
    // As the fixture's app.js renders show notes: paragraphs, with <br> between the lines of one.
    const notes = item
      .description!.split('\n\n')
      .map((paragraph) => `<p>${paragraph.split('\n').join('<br>')}</p>`)
      .join('');
    expect(read(page(notes), `/episode/${EPISODE}`, EPISODE, item.lengthSeconds)?.chapters.map((chapter) => chapter.title)).toEqual([
      'Welcome',
      'Why chips for AI',
      'Wafer-scale engines',
      'What comes next',
    ]);
  });
});
