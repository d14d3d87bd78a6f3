import { episodeIdFrom, type Episode } from '../chapters/schema';
import { episodeRefSchema } from './episode-ref-schema';
import { exportEpisode, findExportFormat } from '../chapters/export';
import { t } from '../i18n';
import { moved, type LibraryBooks } from './library-state';
import { createRecord, episodeKey, episodeRecordSchema, loadEpisodeRecords, shardWrites, summarize, type EpisodeRecord } from './store';
import type { ExportReply, SaveEditReply } from '../messaging/protocol';
import { failure, idSchema, invalidRequest, saveEditSchema, exportRequestSchema } from './requests';
import { fieldPath } from '../chapters/formats/problems';
import { fileNameFor } from '../options/download';

/**
 * The sidebar editor's changes to the library (issue 16). Each save is the whole episode, written
 * through the library's queue (`books.mutate`) and schema like any import, so the index, the
 * revision other tabs watch and the quarantine stay as they are for every other change.
 *
 * A bundled episode or a page's chapters are saved as an episode of the person's own with the
 * bundled episode's id, or a new one: it stands in for the original, which is kept (bundled
 * episodes live in the extension; deleting the copy brings them back).
 *
 * Two tabs editing one episode: every save says which revision it was made on; when the stored
 * one is newer, the save still happens (the person's latest keystrokes win) and the reply carries
 * the episode it replaced, so the sidebar can say so and offer to put it back.
 */

/**
 * The id of an episode the person makes for a media: stable, so that "Make chapters" on the same
 * video after a reload finds the same episode, and apart from any imported id.
 */
export function madeEpisodeId(site: string, key: string): string {
  return `mine-${site}-${key || 'media'}`.slice(0, 200);
}

/**
 * A new episode for what a page plays, named after it and linked to it by its media id, with no
 * chapters yet: the sidebar's editor starts from it ("Make chapters", or a page's chapters copied
 * in), and it is stored with its first chapter. Made here, like every episode a page gets.
 */
export function newEpisodeFor(data: unknown): Episode | null {
  const ref = episodeRefSchema.safeParse(data);
  if (!ref.success) return null;
  const { site, mediaId, title, show, duration } = ref.data;
  const key = mediaId ?? episodeIdFrom('', title ?? '');
  return {
    id: madeEpisodeId(site, key),
    show: show?.trim() ?? '',
    title: title?.trim() || t('untitledEpisode'),
    altTitles: [],
    ids: mediaId ? { [site]: [mediaId] } : {},
    offsets: {},
    ...(duration ? { duration } : {}),
    chapters: [],
  };
}

const revisionOf = (record: EpisodeRecord) => record.editRevision ?? 0;

/** The revision an editor starts from: the stored record's, or null when there is none yet. */
export async function editRevision(books: LibraryBooks, data: unknown): Promise<number | null> {
  const id = idSchema.safeParse((data as { id?: unknown } | null)?.id);
  if (!id.success) return null;
  await books.current();
  const read = (await loadEpisodeRecords([id.data])).get(id.data);
  return read?.kind === 'ok' ? revisionOf(read.record) : null;
}

export async function saveEdit(books: LibraryBooks, data: unknown): Promise<SaveEditReply> {
  const request = saveEditSchema.safeParse(data);
  if (!request.success) return invalidRequest(request.error);
  const rawId = (request.data.episode as { id?: unknown } | null)?.id;
  const chapters = (request.data.episode as { chapters?: unknown } | null)?.chapters;
  // Every chapter deleted: the person's copy goes (a bundled original shows again); undo saves it back.
  if (Array.isArray(chapters) && chapters.length === 0 && typeof rawId === 'string') return removeEdit(books, rawId, request.data.base);
  try {
    return await books.mutate<SaveEditReply>(async (current) => {
      const draft = createRecord(request.data.episode as Episode, undefined, Date.now());
      const checked = episodeRecordSchema.safeParse(draft);
      if (!checked.success) {
        const details = checked.error.issues
          .slice(0, 3)
          .map((issue) => `${fieldPath(issue.path.slice(1)) || t('theEpisode')}: ${issue.message}`);
        return { next: current, result: { ok: false, message: t('saveInvalidOne', details.join('; ')) } };
      }
      const id = checked.data.episode.id;
      const read = (await loadEpisodeRecords([id])).get(id);
      const stored = read?.kind === 'ok' ? read.record : null;
      const storedRevision = stored ? revisionOf(stored) : null;
      const replaced = stored && storedRevision !== request.data.base ? stored.episode : null;
      const revision = (storedRevision ?? 0) + 1;
      const record: EpisodeRecord = {
        ...checked.data,
        // The place in the list and where the chapters came from stay the first save's.
        importedAt: stored?.importedAt ?? checked.data.importedAt,
        ...(stored?.source ? { source: stored.source } : {}),
        editRevision: revision,
      };
      const entries = new Map(current.entries).set(id, summarize(record));
      const setAside = read?.kind === 'damaged' ? [moved(read.damage)] : [];
      const next = await books.write(
        current,
        { set: { [episodeKey(id)]: record, ...shardWrites(entries, [id]) }, remove: [] },
        entries,
        current.links,
        setAside,
      );
      return { next, result: { ok: true, revision, replaced } };
    });
  } catch (error) {
    return failure(error);
  }
}

async function removeEdit(books: LibraryBooks, id: string, base: number | null): Promise<SaveEditReply> {
  if (!idSchema.safeParse(id).success) return { ok: false, message: t('episodeGone') };
  try {
    return await books.mutate<SaveEditReply>(async (current) => {
      const read = (await loadEpisodeRecords([id])).get(id);
      if (read?.kind !== 'ok') return { next: current, result: { ok: true, revision: 0, replaced: null } };
      const replaced = revisionOf(read.record) !== base ? read.record.episode : null;
      const entries = new Map(current.entries);
      entries.delete(id);
      const next = await books.write(current, { set: shardWrites(entries, [id]), remove: [episodeKey(id)] }, entries, current.links);
      return { next, result: { ok: true, revision: 0, replaced } };
    });
  } catch (error) {
    return failure(error);
  }
}

/** An episode written in an export format, for the sidebar (the writers stay out of content scripts). */
export async function exportForSidebar(books: LibraryBooks, data: unknown): Promise<ExportReply> {
  const request = exportRequestSchema.safeParse(data);
  if (!request.success) return invalidRequest(request.error);
  const format = findExportFormat(request.data.format);
  const current = await books.current();
  const item = current.library.get(request.data.id);
  if (!format || !item) return { ok: false, message: t('episodeGone') };
  const read = await books.readEpisodes([item]);
  const episode = read.episodes.get(item.id);
  if (!episode) return { ok: false, message: t('episodeGone') };
  const written = exportEpisode(episode, format.id);
  return {
    ok: true,
    text: written.text,
    notes: written.notes,
    mime: written.mime,
    fileName: fileNameFor(episode.title, written.extension),
  };
}
