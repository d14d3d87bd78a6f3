import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ImportPreview } from '../../../components/options/ImportPreview';
import { formatOffset, LibraryEpisodeCard, type EpisodeActions } from '../../../components/options/LibraryEpisodeCard';
import { SetAsideBanner } from '../../../components/options/SetAsideBanner';
import { SettingsForm } from '../../../components/options/SettingsForm';
import { readImportInput } from '../../../utils/options/import-batch';
import type { LibraryEntry } from '../../../utils/messaging/protocol';
import { DEFAULT_PREFERENCES } from '../../../utils/storage/preferences';
import { useRenderRoot } from '../render-root';

const view = useRenderRoot();
const show = view.show;
const buttons = () => [...view.root.querySelectorAll('button')].map((button) => button.textContent?.trim());
const click = (element: Element | null | undefined) => act(() => (element as HTMLElement).click());

const broken = 'WEBVTT\n\n00:00:00.000 --> 00:01:00.000\nOpening\n\n00:01:00.000 --> 00:00:30.000\nBackwards\n';
const marked =
  'An <b>Episode</b>\nCHAPTERS\n- 0:00 – 1:00\n<img src=x onerror=alert(1)> Intro\nWhat we cover.\n- •<script>alert(2)</script>\n- 1:00\nMore\n';

describe('ImportPreview', () => {
  const actions = { onSave: vi.fn(), onCancel: vi.fn(), onRemove: vi.fn() };

  it('shows a refused file’s problems with their lines, and blocks saving', () => {
    const items = [readImportInput({ name: 'broken.vtt', text: broken }, []), readImportInput({ name: 'ok.txt', text: marked }, [])];
    show(<ImportPreview items={items} saving={false} {...actions} />);
    const problems = view.root.querySelector('[aria-label="Problems in broken.vtt"]');
    expect(problems?.querySelector('.op-error-title')?.textContent).toBe('Chapterbar can’t import broken.vtt.');
    expect([...problems!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Line 6This chapter ends at 0:30, which is not after its start at 1:00.',
    ]);
    const save = [...view.root.querySelectorAll('button')].find((button) => button.textContent === 'Save 1 episode');
    expect(save?.disabled).toBe(true);
    expect(view.root.textContent).toContain('Nothing is saved while a file has problems.');
  });

  it('renders chapter text as text, never as markup', () => {
    show(<ImportPreview items={[readImportInput({ name: 'ok.txt', text: marked }, [])]} saving={false} {...actions} />);
    expect(view.root.querySelector('img, script, b')).toBeNull();
    expect(view.root.querySelector('.op-episode-title')?.textContent).toBe('An <b>Episode</b>');
    expect(view.root.querySelector('.op-chapter-title')?.textContent).toBe('<img src=x onerror=alert(1)> Intro');
    expect(view.root.querySelector('.op-chapter-body li')?.textContent).toBe('<script>alert(2)</script>');
    const save = [...view.root.querySelectorAll('button')].find((button) => button.textContent === 'Save 1 episode');
    click(save);
    expect(actions.onSave).toHaveBeenCalledTimes(1);
  });
});

describe('LibraryEpisodeCard', () => {
  const entry: LibraryEntry = {
    id: 'ep',
    show: 'Show',
    title: 'Episode',
    altTitles: [],
    chapterCount: 12,
    duration: 2702,
    origin: 'imported',
    replacesBundled: false,
    importedAt: Date.UTC(2025, 0, 5),
    source: { fileName: 'ep.vtt', format: 'webvtt' },
    ids: { youtube: ['C6Zpjij5AF4'] },
    links: [{ site: 'spotify', mediaId: '4Z7GAJ50bgctf6uclHlWKo' }],
    offsets: { spotify: -120 },
    url: null,
  };
  const actions = (): EpisodeActions => ({
    rename: vi.fn(async () => null),
    link: vi.fn(async () => null),
    unlink: vi.fn(),
    exportEpisode: vi.fn(),
    remove: vi.fn(),
  });

  it('lists where it shows and its offsets, with the sidebar’s correction beside the file’s', () => {
    show(<LibraryEpisodeCard entry={entry} corrections={{ spotify: -115.5, youtube: 'bad' }} actions={actions()} />);
    expect(view.root.querySelector('.op-episode-meta')?.textContent).toMatch(
      /^12 chapters · 45:02 · WebVTT chapters from ep\.vtt · added /,
    );
    expect([...view.root.querySelectorAll('.op-chip')].map((chip) => chip.textContent)).toEqual([
      'YouTube C6Zpjij5AF4from the file',
      'Spotify 4Z7GAJ50bgctf6uclHlWKolinked by you',
    ]);
    expect(view.root.querySelector('.op-chip a')?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=C6Zpjij5AF4');
    expect(view.root.querySelector('.op-offsets')?.textContent).toBe('Spotify −1:55 (set in the sidebar; the file says −2:00)');
  });

  it('offers every action on an import, and no rename or delete on a bundled episode', () => {
    const handlers = actions();
    show(<LibraryEpisodeCard entry={entry} corrections={undefined} actions={handlers} />);
    // The link's remove button is an icon: its name is its aria-label, tested below.
    expect(buttons()).toEqual(['', 'Rename', 'Link to a video', 'JSON', 'Text', 'Delete']);
    click(view.root.querySelector('[aria-label="Remove the link to Spotify 4Z7GAJ50bgctf6uclHlWKo"]'));
    expect(handlers.unlink).toHaveBeenCalledWith('spotify', '4Z7GAJ50bgctf6uclHlWKo');
    click(view.root.querySelector('[aria-label="Delete Episode"]'));
    expect(handlers.remove).toHaveBeenCalledWith('ep');
    click(view.root.querySelector('[aria-label="Export Episode as text"]'));
    expect(handlers.exportEpisode).toHaveBeenCalledWith('ep', 'text');

    show(<LibraryEpisodeCard entry={{ ...entry, origin: 'bundled', links: [] }} corrections={undefined} actions={handlers} />);
    expect(buttons()).toEqual(['Link to a video', 'JSON', 'Text']);
    expect(view.root.querySelector('.op-badge')?.textContent).toBe('Comes with Chapterbar');
  });

  it('opens the link form with the address field focused, and shows the background’s refusal', async () => {
    const handlers = actions();
    handlers.link = vi.fn(async () => 'Chapterbar doesn’t recognise “x” as a video or episode address.');
    show(<LibraryEpisodeCard entry={entry} corrections={undefined} actions={handlers} />);
    click([...view.root.querySelectorAll('button')].find((button) => button.textContent === 'Link to a video'));
    const input = view.root.querySelector<HTMLInputElement>('input[id="link-address-ep"]')!;
    expect(document.activeElement).toBe(input);
    await act(async () => {
      input.value = 'x';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      view.root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(handlers.link).toHaveBeenCalledWith('ep', 'x');
    expect(view.root.querySelector('[role="alert"]')?.textContent).toBe('Chapterbar doesn’t recognise “x” as a video or episode address.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it.each([
    [-120, '−2:00'],
    [90, '+1:30'],
    [0.5, '+0.5 s'],
    [-3725, '−1:02:05'],
  ])('writes an offset of %s s as %s', (seconds, text) => {
    expect(formatOffset(seconds)).toBe(text);
  });
});

describe('SettingsForm', () => {
  it('labels every setting and reports each change', () => {
    const onChange = vi.fn();
    show(<SettingsForm preferences={{ ...DEFAULT_PREFERENCES, theme: 'dark' }} onChange={onChange} />);
    const labelled = [...view.root.querySelectorAll('input')].map(
      (input) => view.root.querySelector(`label[for="${input.id}"]`)?.firstChild?.textContent,
    );
    expect(labelled).toEqual([
      'Beside the player',
      'Below the player',
      'Show the chapters',
      'Show only the header',
      'Match the site',
      'Light',
      'Dark',
      'Expand all chapter summaries',
      'Follow the current chapter',
    ]);
    expect(view.root.querySelector<HTMLInputElement>('#setting-theme-dark')!.checked).toBe(true);
    click(view.root.querySelector('#setting-theme-light'));
    click(view.root.querySelector('#setting-position-below'));
    click(view.root.querySelector('#setting-expandAll'));
    expect(onChange.mock.calls).toEqual([[{ theme: 'light' }], [{ position: 'below' }], [{ expandAll: true }]]);
  });
});

describe('SetAsideBanner', () => {
  it('says what was set aside, why, and offers to download or remove it', () => {
    const onDownload = vi.fn();
    const notice = {
      id: 'n1',
      key: 'local:episode:x',
      label: 'My episode',
      reason: 'it is damaged: episode.chapters should be a list',
      action: 'moved' as const,
      at: 0,
    };
    show(<SetAsideBanner notices={[notice]} onDownload={onDownload} onDismiss={vi.fn()} />);
    expect(view.root.querySelector('h2')?.textContent).toBe('Chapterbar set aside something it could not read');
    expect(view.root.textContent).toContain('Why: It is damaged: episode.chapters should be a list.');
    expect(view.root.textContent).toContain('Moved aside; Chapterbar no longer uses it. Stored as local:episode:x.');
    click(view.root.querySelector('[aria-label="Download My episode"]'));
    expect(onDownload).toHaveBeenCalledWith(notice);
  });
});
