import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Sidebar } from '../../../components/sidebar/Sidebar';
import { createChapterClock } from '../../../utils/sidebar/chapter-clock';
import { answerMarkdownRequest } from '../../../utils/background/chapter-markdown';
import { episodeSchema } from '../../../utils/chapters/schema';
import { createSidebarState, type SidebarStateOptions, type SidebarState } from '../../../utils/sidebar/state';
import type { Player } from '../../../utils/sites/types';
import { createStillPlayer } from '../fake-player';
import { personClick, trustedEvent } from '../person';

// The sidebar asks the background for a chapter's Markdown: this answers as the background does,
// through its handler and a JSON round trip (Chrome's messaging turns Infinity into null).
const { sendMessage } = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.mock('../../../utils/messaging/protocol', async (importOriginal) => ({ ...(await importOriginal<object>()), sendMessage }));
const answerAsBackground = async (type: string, data: unknown) => {
  if (type === 'formatChapterMarkdown') return answerMarkdownRequest(JSON.parse(JSON.stringify(data)));
  throw new Error(`No handler for ${type}`);
};

const episode = episodeSchema.parse({
  id: 'e',
  show: 'Show',
  title: 'Episode',
  chapters: [
    { start: 0, end: 60, title: 'Opening <b>remarks</b>', description: 'Chips and <i>wafers</i>', bullets: ['one chip', 'two'] },
    { start: 60, end: 120, title: 'Wafer-scale engines', description: 'Why size matters', bullets: ['CHIPS are big'] },
    { start: 120, end: 180, title: 'What comes next', description: '', bullets: [] },
  ],
});

let root: HTMLElement;
let state: SidebarState;
let player: Player;

function mount(options: Partial<SidebarStateOptions> = {}, at = 70) {
  player = createStillPlayer(at);
  const clock = createChapterClock(episode.chapters, player, 0, new AbortController().signal);
  state = createSidebarState(episode, clock, { layout: 'column', theme: 'dark', collapsed: false, ...options });
  act(() => render(<Sidebar state={state} />, root));
}

const rows = () => [...root.querySelectorAll('li.cb-row')];
const input = () => root.querySelector<HTMLInputElement>('input[type="search"]')!;
const button = (name: string | RegExp) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    typeof name === 'string'
      ? (b.getAttribute('aria-label') ?? b.textContent) === name
      : name.test(b.getAttribute('aria-label') ?? b.textContent ?? ''),
  );
const type = (text: string) =>
  act(() => {
    input().value = text;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
/** Clicks, then lets the click's promises (clipboard, saving) settle before looking. */
const clickAndSettle = (target: HTMLElement) =>
  act(async () => {
    personClick(target);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
const press = (key: string) =>
  act(() => void input().dispatchEvent(trustedEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))));

beforeEach(() => {
  sendMessage.mockReset().mockImplementation(answerAsBackground);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

describe('searching the sidebar', () => {
  beforeEach(() => mount());

  it('has a labelled search box', () => {
    expect(input().getAttribute('aria-label')).toBe('Search chapters');
    expect(input().closest('[role="search"]')).not.toBeNull();
  });

  it('keeps the chapters whose title, description or bullets match, and says how many', () => {
    type('chip');
    expect(rows().map((row) => row.getAttribute('data-index'))).toEqual(['0', '1']);
    expect(root.querySelector('.cb-search-count')!.textContent).toBe('2 of 3 chapters match');
    type('nothing like this');
    expect(rows()).toHaveLength(0);
    expect(root.querySelector('.cb-search-count')!.textContent).toBe('No chapter matches');
  });

  it('needs every word, in any case', () => {
    type('WAFER engines');
    expect(rows().map((row) => row.getAttribute('data-index'))).toEqual(['1']);
  });

  it('marks the matches in titles, descriptions and bullets, as text', () => {
    type('chip');
    const marks = [...root.querySelectorAll('mark')].map((mark) => mark.textContent);
    // Row 0 is not current but its summary matched, so it opened to show the match.
    expect(marks).toEqual(['Chip', 'chip', 'CHIP']);
    type('<b>');
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('.cb-title mark')!.textContent).toBe('<b>');
    expect(root.querySelector('.cb-row .cb-title')!.textContent).toBe('Opening <b>remarks</b>');
  });

  it('plays the first match with Enter, clears with Escape, and moves into the list with Down', () => {
    type('comes next');
    press('Enter');
    expect(player.currentTime()).toBe(120);
    press('Escape');
    expect(input().value).toBe('');
    expect(rows()).toHaveLength(3);
    type('wafer');
    press('ArrowDown');
    expect(document.activeElement).toBe(rows()[0]!.querySelector('.cb-seek'));
  });
});

describe('chapter actions', () => {
  const linkAt = (seconds: number) => `https://www.youtube.com/watch?v=abc&t=${seconds}s`;

  it('copies a link to the chapter’s start from the person’s click, and says so', async () => {
    mount({ actions: { linkAt } });
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const copy = button('Copy link to “Wafer-scale engines”')!;
    await clickAndSettle(copy);
    expect(writeText).toHaveBeenCalledWith('https://www.youtube.com/watch?v=abc&t=60s');
    expect(copy.textContent).toBe('Copied');
    vi.unstubAllGlobals();
  });

  it('offers no link where the site has no address for a moment', () => {
    mount();
    expect(button(/^Copy link/)).toBeUndefined();
    expect(button('Copy as Markdown: “Wafer-scale engines”')).toBeDefined();
  });

  it('copies the chapter as Markdown: title, time range with its link, description, bullets', async () => {
    mount({ actions: { linkAt } });
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await clickAndSettle(button('Copy as Markdown: “Wafer-scale engines”')!);
    expect(writeText).toHaveBeenCalledWith(
      '### Wafer-scale engines\n\n[1:00–2:00](<https://www.youtube.com/watch?v=abc&t=60s>)\n\nWhy size matters\n\n- CHIPS are big\n',
    );
    expect(sendMessage).toHaveBeenCalledWith('formatChapterMarkdown', {
      chapter: { start: 60, end: 120, title: 'Wafer-scale engines', description: 'Why size matters', bullets: ['CHIPS are big'] },
      link: 'https://www.youtube.com/watch?v=abc&t=60s',
    });
    vi.unstubAllGlobals();
  });

  it('sends an open last chapter’s end as null, and copies its start alone', async () => {
    // A stream of unknown length: the last chapter stays open.
    player = createStillPlayer(130, NaN);
    const open = episodeSchema.parse({ ...episode, chapters: [episode.chapters[0], { start: 60, title: 'To the end' }] });
    const clock = createChapterClock(open.chapters, player, 0, new AbortController().signal);
    act(() => render(<Sidebar state={createSidebarState(open, clock, { layout: 'column', theme: 'dark', collapsed: false })} />, root));
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await clickAndSettle(button('Copy as Markdown: “To the end”')!);
    expect(sendMessage).toHaveBeenCalledWith(
      'formatChapterMarkdown',
      expect.objectContaining({ chapter: expect.objectContaining({ end: null }), link: null }),
    );
    expect(writeText).toHaveBeenCalledWith('### To the end\n\n1:00\n');
    vi.unstubAllGlobals();
  });

  it('copies nothing, and does not say it did, when the background cannot format the chapter', async () => {
    mount({ actions: { linkAt } });
    sendMessage.mockRejectedValue(new Error('Extension context invalidated.'));
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const copy = button('Copy as Markdown: “Wafer-scale engines”')!;
    await clickAndSettle(copy);
    expect(writeText).not.toHaveBeenCalled();
    expect(copy.textContent).toBe('Copy as Markdown');
    expect(root.querySelector('.cb-copy-field')).toBeNull();
    vi.unstubAllGlobals();
  });

  it('shows the text to copy by hand when the browser refuses to copy', async () => {
    mount({ actions: { linkAt } });
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn().mockRejectedValue(new Error('denied')) } });
    await clickAndSettle(button(/^Copy link to/)!);
    const field = root.querySelector<HTMLInputElement>('.cb-copy-field')!;
    expect(field.value).toBe('https://www.youtube.com/watch?v=abc&t=60s');
    expect(field.getAttribute('aria-label')).toMatch(/copy/i);
    vi.unstubAllGlobals();
  });

  it('loops the current chapter with a toggle, and only the current one has it', () => {
    mount();
    const loops = [...root.querySelectorAll('button')].filter((b) => b.textContent === 'Loop chapter');
    expect(loops).toHaveLength(1);
    expect(loops[0]!.closest('li')!.getAttribute('aria-current')).toBe('true');
    act(() => personClick(loops[0]!));
    expect(state.clock.loopIndex.value).toBe(1);
    expect(loops[0]!.getAttribute('aria-pressed')).toBe('true');
    act(() => personClick(loops[0]!));
    expect(state.clock.loopIndex.value).toBe(-1);
  });
});

describe('where the chapters come from', () => {
  it('says nothing extra for the library’s own chapters', () => {
    mount();
    expect(root.querySelector('.cb-source')).toBeNull();
  });

  it.each([
    ['description', 'video', 'From the video’s description'],
    ['description', 'episode', 'From the episode’s description'],
    ['chapters', 'video', 'YouTube’s chapters'],
    ['auto-chapters', 'video', 'Auto-generated by YouTube'],
  ] as const)('names page chapters from %s (%s)', (origin, mediaKind, label) => {
    mount({ origin, site: { name: 'YouTube', mediaKind } });
    expect(root.querySelector('.cb-source-label')!.textContent).toBe(label);
  });

  it('saves page chapters to the library, and says why when it cannot', async () => {
    const saveToLibrary = vi.fn().mockResolvedValueOnce({ ok: false, message: 'storage is full' }).mockResolvedValueOnce({ ok: true });
    mount({ origin: 'description', site: { name: 'YouTube', mediaKind: 'video' }, actions: { saveToLibrary } });
    await clickAndSettle(button('Save to library')!);
    expect(saveToLibrary).toHaveBeenCalledOnce();
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Could not save these chapters: storage is full');
    await clickAndSettle(button('Save to library')!);
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('switches between the library’s chapters and the page’s when the media has both', () => {
    const switchOrigin = vi.fn();
    mount({ origin: 'library', alternative: 'chapters', site: { name: 'YouTube', mediaKind: 'video' }, actions: { switchOrigin } });
    const group = root.querySelector('[role="group"][aria-label="Chapters from"]')!;
    const options = [...group.querySelectorAll('button')];
    expect(options.map((option) => [option.textContent, option.getAttribute('aria-pressed')])).toEqual([
      ['Your library', 'true'],
      ['YouTube’s chapters', 'false'],
    ]);
    act(() => personClick(options[0]!));
    expect(switchOrigin).not.toHaveBeenCalled();
    act(() => personClick(options[1]!));
    expect(switchOrigin).toHaveBeenCalledOnce();
    // Saving is for page chapters the library does not have yet.
    expect(button('Save to library')).toBeUndefined();
  });

  it('shows the note that the chapters were saved, with a way to the library', () => {
    const openLibrary = vi.fn();
    mount({ origin: 'library', alternative: 'description', notice: 'Saved to your library.', actions: { openLibrary } });
    expect(root.querySelector('.cb-notice')!.textContent).toContain('Saved to your library.');
    act(() => personClick(button('Open the library')!));
    expect(openLibrary).toHaveBeenCalledOnce();
    act(() => personClick(button('Dismiss this message')!));
    expect(root.querySelector('.cb-notice')).toBeNull();
  });
});
