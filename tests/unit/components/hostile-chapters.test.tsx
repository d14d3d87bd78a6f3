import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Sidebar } from '../../../components/sidebar/Sidebar';
import { createChapterClock } from '../../../utils/sidebar/chapter-clock';
import { episodeSchema, type Episode } from '../../../utils/chapters/schema';
import { createSidebarState, type SidebarState } from '../../../utils/sidebar/state';
import type { Player } from '../../../utils/sites/types';
import { personClick } from '../person';

// Chapter text written by an attacker: markup, script, links with other schemes, direction
// overrides, enormous and empty strings. It renders as text, and only http(s) links are links.

const SCRIPT = '<script>window.__pwned = 1</script>';
const IMG = '<img src=x onerror="window.__pwned = 2">';
const RLO = '\u202E';
const LONG = `${'Very long title '.repeat(625)}`.trim(); // 9,999 characters

const valid = episodeSchema.parse({
  id: 'hostile',
  show: `${RLO}Evil show`,
  title: `${IMG} Episode`,
  chapters: [
    {
      start: 0,
      end: 60,
      title: SCRIPT,
      description: IMG,
      bullets: [SCRIPT, '', `${RLO}reversed`],
      url: 'https://example.com/notes?a=1&b=<2>',
    },
    { start: 60, end: 120, title: `${RLO}gnp.exe`, description: '', bullets: [] },
    { start: 120, end: 180, title: LONG, description: LONG, bullets: [] },
    { start: 180, end: 240, title: 'Plain http', url: 'http://example.org/' },
  ],
});

/** Links that the schema refuses, put in anyway: the component must not trust that it never sees one. */
const smuggled: Episode = {
  ...valid,
  chapters: [
    ...valid.chapters,
    { start: 240, end: 300, title: 'Script link', description: '', bullets: [], url: 'javascript:window.__pwned=3' },
    { start: 300, end: 360, title: 'Data link', description: '', bullets: [], url: 'data:text/html,<script>window.__pwned=4</script>' },
    { start: 360, end: 420, title: 'Spaced script link', description: '', bullets: [], url: ' JaVaScRiPt:window.__pwned=5' },
    { start: 420, end: 480, title: 'Unparseable link', description: '', bullets: [], url: 'not a url' },
  ],
};

function stillPlayer(): Player {
  return {
    currentTime: () => 10,
    duration: () => 480,
    paused: () => true,
    playbackRate: () => 1,
    interrupted: () => false,
    seek() {},
    onChange() {},
  };
}

describe('hostile chapter text in the sidebar', () => {
  let root: HTMLElement;
  let state: SidebarState;

  beforeEach(() => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    root = document.createElement('div');
    document.body.append(root);
    const clock = createChapterClock(smuggled.chapters, stillPlayer(), 0, new AbortController().signal);
    state = createSidebarState(smuggled, clock, { layout: 'column', theme: 'dark', collapsed: false, expandAll: true });
    act(() => render(<Sidebar state={state} />, root));
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const row = (index: number) => root.querySelector<HTMLElement>(`li.cb-row[data-index="${index}"]`)!;

  it('renders markup and script as text, never as elements', () => {
    expect(root.querySelector('script, img, iframe, object')).toBeNull();
    expect(row(0).querySelector('.cb-title')!.textContent).toBe(SCRIPT);
    expect(row(0).querySelector('.cb-details p')!.textContent).toBe(IMG);
    expect([...row(0).querySelectorAll('.cb-details li')].map((li) => li.textContent)).toEqual([SCRIPT, '', `${RLO}reversed`]);
    expect(root.querySelector('.cb-episode')!.textContent).toBe(`${RLO}Evil show · ${IMG} Episode`);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('offers only http(s) links, opening in a new tab without an opener or referrer', () => {
    const anchors = [...root.querySelectorAll<HTMLAnchorElement>('a')];
    expect(anchors.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/notes?a=1&b=%3C2%3E', 'http://example.org/']);
    for (const anchor of anchors) {
      expect(anchor.getAttribute('rel')).toBe('noopener noreferrer');
      expect(anchor.getAttribute('target')).toBe('_blank');
    }
    expect(anchors[0]!.textContent).toBe('example.com/notes');
    // The chapters whose links were dropped show no link, and nothing of the link's text.
    for (const index of [4, 5, 6, 7]) {
      expect(row(index).querySelector('a')).toBeNull();
      expect(row(index).textContent).not.toMatch(/javascript|data:|not a url/i);
    }
    expect(root.innerHTML).not.toMatch(/javascript:|data:text/i);
  });

  it('keeps direction overrides inside the text they belong to', () => {
    for (const title of root.querySelectorAll('.cb-title')) expect(title.getAttribute('dir')).toBe('auto');
    for (const text of root.querySelectorAll('.cb-details p, .cb-details li')) expect(text.getAttribute('dir')).toBe('auto');
    // The show's override cannot reorder the " · title" after it.
    expect([...root.querySelectorAll('.cb-episode bdi')].map((bdi) => bdi.textContent)).toEqual([`${RLO}Evil show`, `${IMG} Episode`]);
  });

  it('keeps a 10,000-character title whole in the document (the stylesheet clamps what shows)', () => {
    expect(row(2).querySelector('.cb-title')!.textContent).toBe(LONG);
    expect(row(2).querySelector('.cb-seek')!.getAttribute('aria-label')).toBe(`2:00 ${LONG}`);
  });

  it('gives a chapter whose only detail is a link the control that shows it', () => {
    act(() => void (state.expandAll.value = false));
    const toggle = row(3).querySelector<HTMLButtonElement>('.cb-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    act(() => personClick(toggle));
    expect(row(3).querySelector('a')!.getAttribute('href')).toBe('http://example.org/');
    // A chapter with neither text nor a safe link has nothing to show.
    expect(row(4).querySelector('.cb-toggle')).toBeNull();
  });

  it('a click on a link does not seek', () => {
    const seek = vi.spyOn(state.clock, 'seekTo');
    const anchor = row(0).querySelector('a')!;
    anchor.addEventListener('click', (event) => event.preventDefault(), { once: true });
    act(() => anchor.click());
    expect(seek).not.toHaveBeenCalled();
  });
});
