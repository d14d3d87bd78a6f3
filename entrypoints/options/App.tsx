import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import { ImportPanel } from '../../components/options/ImportPanel';
import { ImportPreview } from '../../components/options/ImportPreview';
import type { EpisodeActions, ExportFormat } from '../../components/options/LibraryEpisodeCard';
import { exportEpisodeAs, fetchEpisodes } from '../../utils/options/export-as';
import { LibraryEpisodeList } from '../../components/options/LibraryEpisodeList';
import { NoticeBar, type Notice } from '../../components/options/NoticeBar';
import { SetAsideBanner } from '../../components/options/SetAsideBanner';
import { SettingsForm } from '../../components/options/SettingsForm';
import { formatChapterbarJson } from '../../utils/chapters/formats/chapterbar-json';
import { formatChapterbarText } from '../../utils/chapters/formats/chapterbar-text';
import type { Episode } from '../../utils/chapters/schema';
import { downloadFile, fileNameFor } from '../../utils/options/download';
import { plural, t } from '../../utils/i18n';
import { splitForImport } from '../../utils/options/export-files';
import {
  buildSaveRequest,
  markSuperseded,
  readFiles,
  readImportInput,
  type ImportInput,
  type ImportItem,
} from '../../utils/options/import-batch';
import { LIBRARY_REVISION_KEY } from '../../utils/storage/library-revision';
import { linksItem } from '../../utils/library/links';
import { sendMessage, type LibraryListing, type SetAsideNotice } from '../../utils/messaging/protocol';
import { offsetsItem } from '../../utils/storage/offsets';
import { DEFAULT_PREFERENCES, loadPreferences, watchPreferences, type Preferences } from '../../utils/storage/preferences';
import { savePreferences } from '../../utils/storage/save-preferences';
import { QUARANTINE_KEY } from '../../utils/library/quarantine';
import { createZip } from '../../utils/options/zip';

const quoted = (titles: readonly string[]) =>
  titles.length <= 3
    ? titles.map((title) => t('quotedTitle', title)).join(t('listSeparator'))
    : t('titleAndMore', titles[0] ?? '', titles.length - 1);

export function App() {
  const listing = useSignal<LibraryListing | null>(null);
  const corrections = useSignal<unknown>({});
  const preferences = useSignal<Preferences>(DEFAULT_PREFERENCES);
  const importItems = useSignal<ImportItem[]>([]);
  const saving = useSignal(false);
  const importMessage = useSignal<{ kind: 'done' | 'error'; text: string } | null>(null);
  const notice = useSignal<Notice | null>(null);

  const refresh = async () => {
    try {
      listing.value = await sendMessage('listLibrary');
    } catch (error) {
      notice.value = { kind: 'error', text: t('libraryLoadFailed', String(error)) };
    }
  };

  useEffect(() => {
    void refresh();
    void offsetsItem.getValue().then((value) => (corrections.value = value));
    void loadPreferences().then((value) => (preferences.value = value));
    const controller = new AbortController();
    // Changes from elsewhere (the popup's links, another options tab, the sidebar's corrections).
    const unwatch = [
      storage.watch(LIBRARY_REVISION_KEY, () => void refresh()),
      storage.watch(QUARANTINE_KEY, () => void refresh()),
      linksItem.watch(() => void refresh()),
      offsetsItem.watch((value) => (corrections.value = value)),
    ];
    watchPreferences((value) => (preferences.value = value), controller.signal);
    return () => {
      unwatch.forEach((stop) => stop());
      controller.abort();
    };
    // Once, on opening: what it reads are signals, which the page watches by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const entries = listing.value?.entries ?? [];
  const titleOf = (id: string) => entries.find((entry) => entry.id === id)?.title ?? id;

  const addItems = (items: ImportItem[]) => {
    importMessage.value = null;
    importItems.value = markSuperseded([...importItems.value, ...items]);
  };
  const addFiles = async (files: File[]) => addItems(await readFiles(files, entries));
  const addText = (input: ImportInput) => addItems([readImportInput(input, entries)]);

  const saveImport = async () => {
    const request = buildSaveRequest(importItems.value);
    if (!request) return;
    saving.value = true;
    try {
      const result = await sendMessage('saveEpisodes', request);
      if (result.ok) {
        const titles = request.episodes.map(({ episode }) => episode.title);
        importItems.value = [];
        importMessage.value = {
          kind: 'done',
          text: titles.length === 1 ? t('savedOne', quoted(titles)) : t('savedMany', quoted(titles)),
        };
        await refresh();
      } else {
        importMessage.value = { kind: 'error', text: result.message };
      }
    } catch (error) {
      importMessage.value = { kind: 'error', text: t('saveUnreachable', String(error)) };
    } finally {
      saving.value = false;
    }
  };

  const focusUndo = () => requestAnimationFrame(() => document.querySelector<HTMLButtonElement>('.op-toast-button')?.focus());

  /** Runs an export of one episode and says how it went. */
  const withEpisode = (id: string, use: (episode: Episode) => string | Promise<string>) =>
    void (async () => {
      const { episodes, problems } = await fetchEpisodes([id]);
      const episode = episodes[0];
      notice.value = episode
        ? { kind: 'info', text: await use(episode) }
        : { kind: 'error', text: problems.join(' ') || t('exportOneFailed') };
    })().catch((error: unknown) => (notice.value = { kind: 'error', text: t('exportFileFailed', String(error)) }));

  const actions: EpisodeActions = {
    async rename(id, change) {
      const result = await sendMessage('renameEpisode', { id, ...change });
      if (!result.ok) return result.message;
      await refresh();
      return null;
    },
    async link(id, address) {
      const result = await sendMessage('linkMediaAddress', { episodeId: id, address });
      if (!result.ok) return result.message;
      await refresh();
      return null;
    },
    unlink(site, mediaId) {
      void sendMessage('unlinkMedia', { site, mediaId }).then(async (result) => {
        notice.value = result.ok ? { kind: 'info', text: t('linkRemoved') } : { kind: 'error', text: result.message };
        await refresh();
      });
    },
    exportEpisode(id, format) {
      withEpisode(id, (episode) => {
        if (format === 'json')
          downloadFile(fileNameFor(episode.title, 'chapterbar.json'), formatChapterbarJson([episode]), 'application/json');
        else downloadFile(fileNameFor(episode.title, 'txt'), formatChapterbarText(episode));
        return t('exportedOne', episode.title);
      });
    },
    exportAs: (id, format) => withEpisode(id, (episode) => exportEpisodeAs(episode, format)),
    remove(id) {
      const title = titleOf(id);
      void sendMessage('deleteEpisodes', { ids: [id] }).then(async (result) => {
        if (!result.ok) {
          notice.value = { kind: 'error', text: result.message };
          return;
        }
        notice.value = {
          kind: 'info',
          text: t('deletedOne', title),
          undo: () =>
            void sendMessage('restoreEpisodes', { records: result.removed }).then(async (restored) => {
              notice.value = restored.ok ? { kind: 'info', text: t('restoredOne', title) } : { kind: 'error', text: restored.message };
              await refresh();
              // The Undo button is gone; keep keyboard focus in the message rather than lose it.
              requestAnimationFrame(() => document.querySelector<HTMLButtonElement>('.op-toast-close')?.focus());
            }),
        };
        await refresh();
        focusUndo();
      });
    },
  };

  const exportAll = async (format: ExportFormat) => {
    const { episodes, problems } = await fetchEpisodes(entries.map((entry) => entry.id));
    if (episodes.length === 0) {
      notice.value = { kind: 'error', text: problems.join(' ') || t('nothingToExport') };
      return;
    }
    const stamp = new Date().toISOString().slice(0, 10);
    const count = plural(episodes.length, 'episodeCountOne', 'episodeCount');
    let done = t('exportedMany', count);
    try {
      if (format === 'text') {
        downloadFile(
          `chapterbar-library-${stamp}.zip`,
          createZip(episodes.map((episode) => ({ name: fileNameFor(episode.title, 'txt'), text: formatChapterbarText(episode) }))),
        );
      } else {
        // A large library does not fit one file the importer accepts: several, zipped together.
        const parts = splitForImport(episodes);
        if (parts.length === 1)
          downloadFile(`chapterbar-library-${stamp}.chapterbar.json`, formatChapterbarJson(episodes), 'application/json');
        else {
          const files = parts.map((part, i) => ({
            name: `chapterbar-library-${stamp}-part-${i + 1}-of-${parts.length}.chapterbar.json`,
            text: formatChapterbarJson(part),
          }));
          downloadFile(`chapterbar-library-${stamp}.zip`, createZip(files));
          done = t('exportedZipped', count, parts.length);
        }
      }
    } catch (error) {
      notice.value = { kind: 'error', text: t('exportFileFailed', String(error)) };
      return;
    }
    notice.value =
      problems.length > 0 ? { kind: 'error', text: t('exportedSome', done, problems.join(' ')) } : { kind: 'info', text: done };
  };

  const downloadSetAside = async (item: SetAsideNotice) => {
    const found = await sendMessage('getSetAside', { id: item.id });
    if (!found) return;
    downloadFile(`chapterbar-set-aside-${fileNameFor(item.label, 'json')}`, `${JSON.stringify(found, null, 2)}\n`, 'application/json');
  };
  const dismissSetAside = async (item: SetAsideNotice) => {
    const result = await sendMessage('dismissSetAside', { id: item.id });
    if (!result.ok) notice.value = { kind: 'error', text: result.message };
    await refresh();
  };

  const changePreferences = (change: Partial<Preferences>) => {
    preferences.value = { ...preferences.value, ...change };
    void savePreferences(change);
  };

  const setAside = listing.value?.setAside ?? [];
  return (
    <div class="op">
      <header class="op-header">
        <div class="op-header-inner">
          <svg class="op-logo" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="8" />
            <path d="M9 9h14M9 16h10M9 23h12" />
          </svg>
          <div>
            <h1>{t('extName')}</h1>
            <p class="op-muted">{t('optionsIntro')}</p>
          </div>
        </div>
      </header>
      <main class="op-main">
        {setAside.length > 0 && (
          <SetAsideBanner notices={setAside} onDownload={(n) => void downloadSetAside(n)} onDismiss={(n) => void dismissSetAside(n)} />
        )}

        <section class="op-section" aria-labelledby="import-heading">
          <h2 id="import-heading">{t('addChapters')}</h2>
          <p class="op-muted op-section-intro">{t('addChaptersIntro')}</p>
          <ImportPanel onFiles={(files) => void addFiles(files)} onText={addText} />
          {importMessage.value && (
            <p
              class={importMessage.value.kind === 'error' ? 'op-message op-message-error' : 'op-message'}
              role={importMessage.value.kind === 'error' ? 'alert' : 'status'}
            >
              {importMessage.value.text}
            </p>
          )}
          {importItems.value.length > 0 && (
            <ImportPreview
              items={importItems.value}
              saving={saving.value}
              onSave={() => void saveImport()}
              onCancel={() => (importItems.value = [])}
              onRemove={(key) => (importItems.value = markSuperseded(importItems.value.filter((item) => item.key !== key)))}
            />
          )}
        </section>

        <section class="op-section" aria-labelledby="library-heading">
          <h2 id="library-heading">{t('yourLibrary')}</h2>
          <LibraryEpisodeList
            entries={listing.value?.entries ?? null}
            corrections={corrections.value}
            actions={actions}
            onExportAll={(format) => void exportAll(format)}
          />
        </section>

        <section class="op-section" aria-labelledby="settings-heading">
          <h2 id="settings-heading">{t('sidebarSettings')}</h2>
          <p class="op-muted op-section-intro">{t('sidebarSettingsIntro')}</p>
          <SettingsForm preferences={preferences.value} onChange={changePreferences} />
        </section>
      </main>
      <NoticeBar notice={notice.value} onClose={() => (notice.value = null)} />
    </div>
  );
}
