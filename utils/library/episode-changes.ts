import { t } from '../i18n';
import type { LibraryItem } from './library';
import { moved, type LibraryBooks } from './library-state';
import { episodeKey, episodeRecordSchema, loadEpisodeRecords, shardWrites, summarize, type EpisodeRecord } from './store';
import type { LibraryResult } from '../messaging/protocol';
import type { NewSetAside } from './quarantine';
import { failure, idsSchema, invalidRequest, quote, renameSchema } from './requests';

/** Changes to imported episodes that read their stored records first: renaming and deleting. */

/** Renames an imported episode; its old title keeps matching the pages it matched. */
export async function renameEpisode(books: LibraryBooks, data: unknown): Promise<LibraryResult> {
  const request = renameSchema.safeParse(data);
  if (!request.success) return invalidRequest(request.error);
  const { id, title, show } = request.data;
  try {
    return await books.mutate<LibraryResult>(async (current) => {
      const item = current.library.get(id);
      if (!item) return { next: current, result: { ok: false, message: t('episodeGone') } };
      if (item.origin === 'bundled') {
        return { next: current, result: { ok: false, message: t('bundledKeepsName') } };
      }
      const reads = await loadEpisodeRecords([id], new Map([[id, item.title]]));
      const read = reads.get(id);
      if (read?.kind !== 'ok') {
        const next = await books.setAsideEpisodes(
          current,
          read?.kind === 'damaged' ? [read.damage] : [],
          read?.kind === 'missing' ? [id] : [],
        );
        return { next, result: { ok: false, message: t('renameUnreadable', quote(item.title)) } };
      }
      const old = read.record.episode;
      // The old title keeps matching the pages it matched: renaming is for the list, not for YouTube.
      const altTitles = title !== old.title && !old.altTitles.includes(old.title) ? [...old.altTitles, old.title] : old.altTitles;
      const record = episodeRecordSchema.parse({ ...read.record, episode: { ...old, title, show, altTitles } });
      const entries = new Map(current.entries).set(id, summarize(record));
      const next = await books.write(
        current,
        { set: { [episodeKey(id)]: record, ...shardWrites(entries, [id]) }, remove: [] },
        entries,
        current.links,
      );
      return { next, result: { ok: true } };
    });
  } catch (error) {
    return failure(error);
  }
}

/** Deletes imported episodes and returns their records, for undo; bundled ones cannot be deleted. */
export async function deleteEpisodes(books: LibraryBooks, data: unknown): Promise<LibraryResult<{ removed: EpisodeRecord[] }>> {
  const request = idsSchema.safeParse(data);
  if (!request.success) return invalidRequest(request.error);
  try {
    return await books.mutate<LibraryResult<{ removed: EpisodeRecord[] }>>(async (current) => {
      const items = request.data.ids.map((id) => current.library.get(id)).filter((item): item is LibraryItem => item !== undefined);
      const bundledOnes = items.filter((item) => item.origin === 'bundled');
      if (bundledOnes.length > 0) {
        const message = t('bundledNoDelete', quote(bundledOnes[0]!.title));
        return { next: current, result: { ok: false, message } };
      }
      const ids = items.map((item) => item.id);
      const reads = await loadEpisodeRecords(ids);
      const removed: EpisodeRecord[] = [];
      const setAside: NewSetAside[] = [];
      const remove: string[] = [];
      for (const [id, read] of reads) {
        if (read.kind === 'ok') {
          removed.push(read.record);
          remove.push(episodeKey(id));
        } else if (read.kind === 'damaged') {
          // Deleting a value Chapterbar cannot read would lose it for good: keep it aside instead.
          setAside.push(moved(read.damage));
          remove.push(read.damage.key);
        }
      }
      const entries = new Map(current.entries);
      for (const id of ids) entries.delete(id);
      const next = await books.write(current, { set: shardWrites(entries, ids), remove }, entries, current.links, setAside);
      return { next, result: { ok: true, removed } };
    });
  } catch (error) {
    return failure(error);
  }
}
