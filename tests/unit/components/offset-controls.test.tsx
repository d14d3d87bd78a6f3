import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { formatOffset } from '../../../components/sidebar/OffsetControls';
import { Sidebar } from '../../../components/sidebar/Sidebar';
import { createChapterClock } from '../../../utils/sidebar/chapter-clock';
import { episodeSchema } from '../../../utils/chapters/schema';
import type { OffsetCorrection } from '../../../utils/sidebar/offset-correction';
import { createSidebarState } from '../../../utils/sidebar/state';
import { createStillPlayer } from '../fake-player';
import { personClick } from '../person';

const episode = episodeSchema.parse({
  id: 'e',
  title: 'Episode',
  chapters: [
    { start: 0, end: 60, title: 'Opening' },
    { start: 60, end: 120, title: 'Middle' },
    { start: 120, end: 180, title: 'End' },
  ],
});

let root: HTMLElement | null = null;

/** The sidebar for media 30 s ahead of the chapters (offset −30), at media time `mediaTime`. */
function mount(mediaTime: number, correction?: OffsetCorrection, initialOffset = -30) {
  root = document.createElement('div');
  document.body.append(root);
  const player = createStillPlayer(mediaTime, 300);
  const clock = createChapterClock(episode.chapters, player, initialOffset, new AbortController().signal);
  const state = createSidebarState(episode, clock, { layout: 'column', theme: 'dark', collapsed: false, offsetCorrection: correction });
  act(() => render(<Sidebar state={state} />, root!));
  const button = (name: string) =>
    [...root!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === name || b.getAttribute('aria-label') === name)!;
  const current = () => root!.querySelector('li[aria-current="true"] .cb-title')?.textContent;
  const shown = () => root!.querySelector('.cb-offset-value output')?.textContent;
  return { clock, player, state, button, current, shown };
}

function recordingCorrection(defaultOffset = -30) {
  const saved: Array<number | null> = [];
  return { saved, correction: { defaultOffset, save: (seconds: number | null) => void saved.push(seconds) } };
}

afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

describe('OffsetControls', () => {
  it('is absent where the media is the chapters’ own edition', () => {
    mount(100);
    expect(root!.querySelector('.cb-offset')).toBeNull();
  });

  it('shows the offset, and "This chapter starts now" moves the current chapter’s start to now', () => {
    const { saved, correction } = recordingCorrection();
    // Media 100 s − 30 s = 70 s: "Middle" (60–120), 10 s in. The person hears it begin only now.
    const view = mount(100, correction);
    expect(view.current()).toBe('Middle');
    expect(view.shown()).toBe('−0:30');
    act(() => personClick(view.button('This chapter starts now')));
    expect(view.clock.offset.value).toBe(-40);
    expect(view.shown()).toBe('−0:40');
    expect(saved).toEqual([-40]);
    act(() => view.player.seek(99));
    expect(view.current()).toBe('Opening');
  });

  it('nudges by seconds, in the direction the labels say', () => {
    const { saved, correction } = recordingCorrection();
    const view = mount(89, correction); // 59 s: the last second of "Opening"
    expect(view.current()).toBe('Opening');
    act(() => personClick(view.button('+1 s: Chapters 1 second earlier')));
    expect(view.current()).toBe('Middle');
    act(() => personClick(view.button('−5 s: Chapters 5 seconds later')));
    expect(view.current()).toBe('Opening');
    expect(view.shown()).toBe('−0:34');
    expect(saved).toEqual([-29, -34]);
  });

  it('resets to the episode’s own estimate and forgets the correction', () => {
    const { saved, correction } = recordingCorrection(-30);
    const view = mount(100, correction, -41.5);
    expect(view.shown()).toBe('−0:41.5');
    expect(view.button('Reset').disabled).toBe(false);
    act(() => personClick(view.button('Reset')));
    expect(view.clock.offset.value).toBe(-30);
    expect(saved).toEqual([null]);
    expect(view.button('Reset').disabled).toBe(true);
  });

  it('is hidden with the list when the sidebar is collapsed', () => {
    const view = mount(100, recordingCorrection().correction);
    act(() => view.state.setCollapsed(true));
    expect(root!.querySelector('.cb-offset')).toBeNull();
  });
});

describe('formatOffset', () => {
  it.each([
    [-120, '−2:00'],
    [-170.37, '−2:50.4'],
    [5, '+0:05'],
    [0, '0:00'],
    [-0.04, '0:00'],
    [3725, '+1:02:05'],
  ])('%d → %s', (seconds, text) => {
    expect(formatOffset(seconds)).toBe(text);
  });
});
