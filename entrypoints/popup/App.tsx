import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { originLabel } from '../../components/sidebar/ChapterSource';
import { MakeChaptersButton } from '../../components/popup/MakeChaptersButton';
import { EpisodePicker } from '../../components/popup/EpisodePicker';
import { LibraryList } from '../../components/popup/LibraryList';
import { PopupChapters } from '../../components/popup/PopupChapters';
import { PageReport } from '../../components/popup/PageReport';
import { stepInTab } from '../../utils/background/commands';
import { formatClock } from '../../utils/chapters/time';
import { t } from '../../utils/i18n';
import { sendMessage, sendTabMessage, type EpisodeSummary, type TabState } from '../../utils/messaging/protocol';
import { askTab, findPopupTarget, type PopupTarget } from '../../utils/popup/popup-target';
import { findSite } from '../../utils/sites/registry';
import type { ChapterOrigin, SidebarSite } from '../../utils/sidebar/state';
import type { TabReply } from '../../utils/messaging/tab-state-schema';

const PAGE_ORIGINS: readonly string[] = ['description', 'chapters', 'auto-chapters'];
/** Chapters the page itself published (the reply says so as text, checked here). */
const isPageOrigin = (origin: string | undefined): origin is Exclude<ChapterOrigin, 'library'> =>
  origin !== undefined && PAGE_ORIGINS.includes(origin);

/** How often the open popup refreshes the tab's state; it stops when the popup closes. */
const REFRESH_MS = 500;

export function App() {
  const target = useSignal<PopupTarget | null>(null);
  const reply = useSignal<TabReply | null>(null);
  const library = useSignal<EpisodeSummary[]>([]);
  const notice = useSignal<string | null>(null);

  const refresh = async () => {
    const tabId = target.peek()?.tabId;
    if (tabId !== null && tabId !== undefined) reply.value = await askTab(tabId);
  };

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const loop = async () => {
      await refresh();
      if (!closed) timer = setTimeout(() => void loop(), REFRESH_MS);
    };
    void (async () => {
      target.value = await findPopupTarget(location);
      library.value = (await sendMessage('listEpisodes').catch(() => null)) ?? [];
      await loop();
    })();
    return () => {
      closed = true;
      clearTimeout(timer);
    };
    // Once, on opening: what it reads are signals, which the page watches by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const tabId = target.value?.tabId ?? null;
  const send = async <T,>(action: (tab: number) => Promise<T>): Promise<T | undefined> => {
    if (tabId === null) return undefined;
    try {
      const result = await action(tabId);
      await refresh();
      return result;
    } catch {
      notice.value = t('popupConnectionLost');
      return undefined;
    }
  };

  if (!target.value || !reply.value)
    return (
      <main class="pc">
        <p class="pc-muted">{t('popupLooking')}</p>
      </main>
    );

  const current = reply.value;
  if (current.kind !== 'state') {
    return (
      <main class="pc">
        <h1>{t('extName')}</h1>
        {current.kind === 'unreachable' && target.value.supportedSite ? (
          <div class="pc-notice" role="status">
            <p>{t('popupUnreachable')}</p>
            <button type="button" class="pc-button" onClick={() => tabId !== null && void browser.tabs.reload(tabId)}>
              {t('reloadPage')}
            </button>
          </div>
        ) : current.kind === 'no-media' ? (
          <p class="pc-notice" role="status">
            {t('popupNothingPlays')}
          </p>
        ) : (
          <p class="pc-notice" role="status">
            {t('popupUnsupportedPage')}
          </p>
        )}
        <LibraryList episodes={library.value} />
      </main>
    );
  }

  const state = current.state;
  // What the site plays, for "No chapters for this video" (the adapter knows; the popup does not).
  const site = findSite(state.site);
  const kind = site?.mediaKind ?? 'video';
  return (
    <main class="pc">
      {notice.value && (
        <p class="pc-notice" role="alert">
          {notice.value}
        </p>
      )}
      {state.episode ? (
        <EpisodeView
          state={state}
          onSeek={(index) => void send((tab) => sendTabMessage(tab, 'seekChapter', index))}
          onStep={(direction) => void send((tab) => stepInTab(tab, direction))}
          site={{ name: site?.name ?? state.site, mediaKind: kind }}
          onUnlink={() =>
            void send(async (tab) => {
              if (state.media.mediaId) await sendMessage('unlinkEpisode', { site: state.site, mediaId: state.media.mediaId });
              await sendTabMessage(tab, 'reloadEpisode');
            })
          }
        />
      ) : (
        <>
          <h1>{t(kind === 'episode' ? 'noChaptersEpisode' : 'noChaptersVideo')}</h1>
          <p class="pc-muted">{t('notInLibrary', state.media.title ?? t(kind === 'episode' ? 'thisEpisode' : 'thisVideo'))}</p>
          {state.sees?.pageNote && <p class="pc-muted">{state.sees.pageNote}</p>}
          <MakeChaptersButton onMake={() => void send((tab) => sendTabMessage(tab, 'startEditing'))} />
          {state.media.mediaId ? (
            <EpisodePicker
              episodes={library.value}
              onPick={(episode) =>
                void send(async (tab) => {
                  await sendMessage('linkEpisode', { site: state.site, mediaId: state.media.mediaId!, episodeId: episode.id });
                  await sendTabMessage(tab, 'reloadEpisode');
                })
              }
            />
          ) : (
            <LibraryList episodes={library.value} />
          )}
        </>
      )}
      <label class="pc-switch">
        <input
          type="checkbox"
          checked={state.sidebarVisible}
          onChange={(event) => {
            const visible = event.currentTarget.checked;
            void send((tab) => sendTabMessage(tab, 'setSidebarVisible', visible));
          }}
        />
        {t('showSidebarOnPage')}
      </label>
      <PageReport state={state} />
    </main>
  );
}

interface EpisodeViewProps {
  state: TabState;
  site: SidebarSite;
  onSeek(index: number): void;
  onStep(direction: 1 | -1): void;
  onUnlink(): void;
}

function EpisodeView({ state, site, onSeek, onStep, onUnlink }: EpisodeViewProps) {
  const episode = state.episode!;
  const active = episode.chapters[state.activeIndex];
  const last = episode.chapters.at(-1);
  const total = last?.end ?? state.media.duration;
  return (
    <>
      <header class="pc-header">
        {episode.show && !episode.title.startsWith(episode.show) && <p class="pc-show">{episode.show}</p>}
        <h1>{episode.title}</h1>
        <p class="pc-now" aria-live="polite">
          <span class="pc-clock">
            {formatClock(Math.max(0, state.currentTime))}
            {total ? ` / ${formatClock(total)}` : ''}
          </span>
          {active && <span> · {active.title}</span>}
        </p>
        {isPageOrigin(episode.origin) && <p class="pc-muted">{originLabel(episode.origin, site)}</p>}
      </header>
      <div class="pc-steps">
        <button type="button" class="pc-button" onClick={() => onStep(-1)}>
          {t('commandPreviousChapter')}
        </button>
        <button type="button" class="pc-button" onClick={() => onStep(1)} disabled={state.activeIndex >= episode.chapters.length - 1}>
          {t('commandNextChapter')}
        </button>
      </div>
      <PopupChapters chapters={episode.chapters} activeIndex={state.activeIndex} onSeek={onSeek} />
      {episode.linked && (
        <button type="button" class="pc-link-button" onClick={onUnlink}>
          {t('removeLink')}
        </button>
      )}
    </>
  );
}
