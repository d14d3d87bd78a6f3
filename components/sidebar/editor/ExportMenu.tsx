import { useState } from 'preact/hooks';
import type { ExportFormat } from '../../../utils/chapters/export/types';
import { t, type MessageKey } from '../../../utils/i18n';
import { copyText } from '../../../utils/sidebar/clipboard';
import type { EditorState } from '../../../utils/sidebar/editor/editor';
import { trusted } from '../trusted';

/** The export list as the sidebar offers it (the writers run in the background; utils/chapters/export/index.ts has the same order). */
const FORMATS: Array<[ExportFormat, MessageKey]> = [
  ['youtube', 'exportFormatYoutube'],
  ['podcasting20', 'formatNamePodcasting20'],
  ['podlove', 'formatNamePodlove'],
  ['webvtt', 'formatNameWebvtt'],
  ['mp4chaps', 'exportFormatMp4chaps'],
  ['chapterbar-text', 'formatNameChapterbarText'],
  ['chapterbar-json', 'formatNameChapterbarJson'],
];

/** Saves a file without the downloads permission: a Blob URL on a link, clicked, then revoked. */
function download(fileName: string, text: string, mime: string) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export from the sidebar: a format, then Copy or Download; what the destination would refuse is said below. */
export function ExportMenu({ editor }: { editor: EditorState }) {
  const [format, setFormat] = useState<ExportFormat>('youtube');
  const [status, setStatus] = useState<{ text: string; notes: string[] } | null>(null);
  const run = async (how: 'copy' | 'download') => {
    const written = await editor.exportAs(format).catch((error: unknown) => ({ ok: false as const, message: String(error) }));
    if (!written.ok) return setStatus({ text: written.message, notes: [] });
    if (how === 'download') download(written.fileName, written.text, written.mime);
    const copied = how === 'copy' && (await copyText(written.text));
    setStatus({ text: copied ? t('editCopied') : '', notes: written.notes });
  };
  return (
    <div class="cb-edit-export">
      <label>
        {t('editExportFormat')}{' '}
        <select value={format} onChange={(event) => setFormat((event.currentTarget as HTMLSelectElement).value as ExportFormat)}>
          {FORMATS.map(([id, name]) => (
            <option key={id} value={id}>
              {t(name)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="cb-action" onClick={trusted(() => void run('copy'))}>
        {t('editCopy')}
      </button>
      {format !== 'youtube' && (
        <button type="button" class="cb-action" onClick={trusted(() => void run('download'))}>
          {t('editDownload')}
        </button>
      )}
      <div role="status">
        {status?.text}
        {status && status.notes.length > 0 && (
          <ul>
            {status.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
