import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Sidebar } from '../../components/sidebar/Sidebar';
import sidebarCss from '../../assets/sidebar.css?inline';
import { createChapterClock } from '../../utils/sidebar/chapter-clock';
import { episodeSchema, type Episode } from '../../utils/chapters/schema';
import { indexEpisodes, matchEpisode } from '../../utils/library/episode-match';
import { createSidebarState } from '../../utils/sidebar/state';
import type { Player } from '../../utils/sites/types';

// Runs in the bench's Chromium page: the real sidebar and matcher at sizes no real episode has.

function stillPlayer(): Player & { set(t: number): void } {
  let time = 0;
  const listeners = new Set<() => void>();
  return {
    currentTime: () => time,
    duration: () => 1_000_000,
    paused: () => true,
    playbackRate: () => 1,
    interrupted: () => false,
    seek(t) {
      time = t;
      listeners.forEach((l) => l());
    },
    set(t) {
      this.seek(t);
    },
    onChange(cb) {
      listeners.add(cb);
    },
  };
}

function bigEpisode(chapters: number): Episode {
  return episodeSchema.parse({
    id: 'big',
    show: 'Bench',
    title: 'An episode with many chapters',
    chapters: Array.from({ length: chapters }, (_, i) => ({
      start: i * 30,
      end: i * 30 + 30,
      title: `Chapter ${i + 1}: a title of ordinary length for a podcast chapter`,
      description: 'A one-paragraph description of what the chapter covers, as long as a typical one is in the bundled episode.',
      bullets: ['First point of the summary', 'Second point of the summary', 'Third point'],
    })),
  });
}

function mount(): { host: HTMLElement; container: HTMLElement } {
  const host = document.createElement('div');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = sidebarCss;
  const container = document.createElement('div');
  shadow.append(style, container);
  return { host, container };
}

/** Resolves once `count` rows are in the list (the first render shows a screenful; the rest follow when idle). */
function allRows(host: HTMLElement, count: number): Promise<void> {
  const list = host.shadowRoot!;
  return new Promise((resolve) => {
    const check = () => {
      if (list.querySelectorAll('.cb-row').length >= count) {
        observer.disconnect();
        resolve();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(list, { childList: true, subtree: true });
    check();
  });
}

export async function measureRender(chapters: number, rounds: number): Promise<{ render: number[]; complete: number[]; change: number[] }> {
  const renders: number[] = [];
  const completes: number[] = [];
  const changes: number[] = [];
  const episode = bigEpisode(chapters);
  for (let round = 0; round < rounds; round++) {
    const { host, container } = mount();
    const player = stillPlayer();
    const lifetime = new AbortController();
    const clock = createChapterClock(episode.chapters, player, 0, lifetime.signal);
    const state = createSidebarState(episode, clock, { layout: 'column', theme: 'dark', collapsed: false });
    const start = performance.now();
    act(() => render(<Sidebar state={state} />, container));
    void host.offsetHeight; // include style and layout, as the first paint needs them
    renders.push(performance.now() - start);
    await allRows(host, chapters);
    void host.offsetHeight;
    completes.push(performance.now() - start);
    for (let i = 1; i <= 20; i++) {
      const t0 = performance.now();
      act(() => player.set(((i * 97) % chapters) * 30 + 5));
      void host.offsetHeight;
      changes.push(performance.now() - t0);
    }
    act(() => render(null, container));
    lifetime.abort();
    host.remove();
  }
  return { render: renders, complete: completes, change: changes };
}

export function measureMatching(episodes: number, lookups: number): { index: number; match: number[] } {
  const library = Array.from({ length: episodes }, (_, i) =>
    episodeSchema.parse({
      id: `ep-${i}`,
      show: `Show ${i % 400}`,
      title: `Show ${i % 400} Ep. ${i} | A conversation about topic number ${i} with guest ${i * 7}`,
      altTitles: [`Topic ${i}: an audio edition title with guest ${i * 7}`],
      ids: { youtube: [`v${String(i).padStart(10, '0')}`] },
      duration: 3600,
      chapters: [{ start: 0, title: 'Intro' }],
    }),
  );
  const t0 = performance.now();
  const index = indexEpisodes(library);
  const indexTime = performance.now() - t0;
  // Timers in the page are coarse (0.1 ms), so lookups are timed in batches of 50.
  const match: number[] = [];
  for (let batch = 0; batch < lookups / 50; batch++) {
    const t = performance.now();
    for (let k = batch * 50; k < batch * 50 + 50; k++) {
      const i = (k * 7919) % episodes;
      const found = matchEpisode(index, {
        site: 'spotify',
        title: `Topic ${i}: an audio edition title with guest ${i * 7}`,
        show: `Show ${i % 400}`,
        duration: 3650,
      });
      if (found?.id !== `ep-${i}`) throw new Error(`matching found ${found?.id} for ep-${i}`);
    }
    match.push((performance.now() - t) / 50);
  }
  return { index: indexTime, match };
}

Object.assign(window, { __scale: { measureRender, measureMatching } });
