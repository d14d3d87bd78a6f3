import { exportEpisode, findExportFormat, type ExportFormat } from '../chapters/export';
import type { Episode } from '../chapters/schema';
import { t } from '../i18n';
import { sendMessage } from '../messaging/protocol';
import { downloadFile, fileNameFor } from './download';

/**
 * One episode in one of the export formats (utils/chapters/export/): copied for a format whose
 * destination is a text box (the YouTube description block), downloaded otherwise. Returns the
 * message for the person, with what the format could not carry.
 */
export async function exportEpisodeAs(episode: Episode, format: ExportFormat): Promise<string> {
  const written = exportEpisode(episode, format);
  let done = t('exportedOne', episode.title);
  if (findExportFormat(format)?.copyOnly) {
    await navigator.clipboard.writeText(written.text);
    done = t('exportCopiedOne', episode.title);
  } else downloadFile(fileNameFor(episode.title, written.extension), written.text, written.mime);
  return written.notes.length > 0 ? t('exportWithNotes', done, written.notes.join('; ')) : done;
}

/** Episodes asked of the background per message, so a large export never nears the message size limit. */
const EXPORT_BATCH = 500;

/** Episodes from the library for an export, in batches. */
export async function fetchEpisodes(ids: readonly string[]): Promise<{ episodes: Episode[]; problems: string[] }> {
  const episodes: Episode[] = [];
  const problems: string[] = [];
  for (let i = 0; i < ids.length; i += EXPORT_BATCH) {
    const reply = await sendMessage('getEpisodes', { ids: ids.slice(i, i + EXPORT_BATCH) });
    episodes.push(...reply.episodes);
    problems.push(...reply.problems);
  }
  return { episodes, problems };
}
