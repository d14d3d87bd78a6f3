import { storage } from 'wxt/utils/storage';
import type { Episode } from '../chapters/schema';
import { fieldPath } from '../chapters/formats/problems';
import { episodeRefSchema } from './episode-ref-schema';
import { t } from '../i18n';
import type { LibraryItem } from './library';
import { createLibraryBooks } from './library-state';
import { deleteEpisodes, renameEpisode } from './episode-changes';
import { editRevision, exportForSidebar, newEpisodeFor, saveEdit } from './episode-edits';
import type { ExportReply, SaveEditReply } from '../messaging/protocol';
import { commitChange, createRecord, episodeKey, episodeRecordSchema, shardWrites, summarize, type EpisodeRecord } from './store';
import { linksItem, type Links } from './links';
import { readMediaLink } from './media-address';
import { saveOffset } from '../storage/offsets';
import { keptLookupReads } from './kept-reads';
import type { EpisodeMatch, EpisodeSummary, LibraryListing, LibraryResult, MatchReport } from '../messaging/protocol';
import { answerMatch, explainMatch } from './match-answers';
import { loadQuarantine, QUARANTINE_KEY, removeFromQuarantine } from './quarantine';
import {
  failure,
  idsSchema,
  invalidRequest,
  linkAddressSchema,
  mediaSchema,
  offsetRequestSchema,
  popupLinkSchema,
  quote,
  restoreSchema,
  saveSchema,
  setAsideIdSchema,
} from './requests';

/**
 * The background's library service: what the extension's pages and content scripts may ask of
 * the library (bundled episodes, imported ones, the person's links). Every request is parsed with
 * the schemas of `requests.ts`; the state and every change to it live in `library-state.ts`.
 */

export interface LibraryService {
  ready: Promise<unknown>;
  findEpisode(data: unknown): Promise<EpisodeMatch | null>;
  answerMatch(data: unknown): Promise<LibraryResult>;
  explainMatch(data: unknown): Promise<MatchReport | null>;
  saveOffset(data: unknown): Promise<LibraryResult>;
  summaries(): Promise<EpisodeSummary[]>;
  listLibrary(): Promise<LibraryListing>;
  getEpisodes(data: unknown): Promise<{ episodes: Episode[]; problems: string[] }>;
  saveEpisodes(data: unknown): Promise<LibraryResult<{ saved: string[] }>>;
  renameEpisode(data: unknown): Promise<LibraryResult>;
  linkMediaAddress(data: unknown): Promise<LibraryResult<{ site: string; mediaId: string }>>;
  unlinkMedia(data: unknown): Promise<LibraryResult>;
  /** The popup's link and unlink: it reloads its own tab, so no library revision is written. */
  setLink(data: unknown, remove: boolean): Promise<void>;
  deleteEpisodes(data: unknown): Promise<LibraryResult<{ removed: EpisodeRecord[] }>>;
  restoreEpisodes(data: unknown): Promise<LibraryResult>;
  getSetAside(data: unknown): Promise<{ key: string; value: unknown } | null>;
  dismissSetAside(data: unknown): Promise<LibraryResult>;
  /** The sidebar editor (episode-edits.ts): where an edit starts, each save, and exports. */
  editRevision(data: unknown): Promise<number | null>;
  newEpisode(data: unknown): Episode | null;
  saveEdit(data: unknown): Promise<SaveEditReply>;
  exportEpisode(data: unknown): Promise<ExportReply>;
  /** Stops watching storage (tests). */
  close(): void;
}

export function createLibraryService({ bundled }: { bundled: readonly Episode[] }): LibraryService {
  const books = createLibraryBooks({ bundled });
  const { refusals, offsets, savedOffset: keptOffset } = keptLookupReads();

  async function findEpisode(data: unknown): Promise<EpisodeMatch | null> {
    const ref = episodeRefSchema.safeParse(data);
    if (!ref.success) return null;
    const refused = await refusals.get();
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await books.current();
      const match = current.library.match(ref.data, refused);
      if (!match) return null;
      const read = await books.readEpisodes([match.item]);
      const episode = read.episodes.get(match.item.id);
      if (episode) {
        void books.tidyAfterRead([], [], read.upgraded);
        const savedOffset = await keptOffset(episode.id, ref.data.site);
        return {
          episode,
          offset: match.offset,
          linked: match.linked,
          verdict: match.verdict,
          score: match.score,
          reasons: match.reasons,
          ...(savedOffset !== undefined && { savedOffset }),
        };
      }
      // Its record was bad or gone: set it aside and look again (another episode may match).
      await books.tidyAfterRead(read.damaged, read.missing, []);
    }
    return null;
  }

  async function restoreOrSave(records: EpisodeRecord[]): Promise<string[]> {
    return books.mutate(async (current) => {
      const entries = new Map(current.entries);
      const set: Record<string, unknown> = {};
      for (const record of records) {
        entries.set(record.episode.id, summarize(record));
        set[episodeKey(record.episode.id)] = record;
      }
      const ids = records.map((record) => record.episode.id);
      Object.assign(set, shardWrites(entries, ids));
      const next = await books.write(current, { set, remove: [] }, entries, current.links);
      return { next, result: ids };
    });
  }

  async function changeLinks(change: (links: Links) => Links): Promise<void> {
    await books.mutate(async (current) => {
      const links = change({ ...current.links });
      const next = await books.write(current, { set: { [linksItem.key]: links }, remove: [] }, current.entries, links);
      return { next, result: undefined };
    });
  }

  return {
    ready: books.current(),
    findEpisode,

    answerMatch: (data) => answerMatch(books, data, (change) => changeLinks(change)).finally(() => refusals.forget()),
    explainMatch: (data) => explainMatch(books, data),

    async saveOffset(data) {
      const request = offsetRequestSchema.safeParse(data);
      if (!request.success) return invalidRequest(request.error);
      const { episodeId, site, seconds } = request.data;
      try {
        await saveOffset(episodeId, site, seconds).finally(() => offsets.forget());
        return { ok: true };
      } catch (error) {
        return { ok: false, message: String(error) };
      }
    },
    summaries: async () => (await books.current()).library.summaries(),

    async listLibrary() {
      // After the state: loading it may have just set values aside.
      const current = await books.current();
      const setAside = await loadQuarantine();
      return {
        entries: current.library.entries(),
        setAside: setAside.map(({ id, key, label, reason, action, at }) => ({ id, key, label, reason, action, at })),
      };
    },

    async getEpisodes(data) {
      const request = idsSchema.safeParse(data);
      if (!request.success) return { episodes: [], problems: [invalidRequest(request.error).message] };
      const current = await books.current();
      const items = request.data.ids.map((id) => current.library.get(id));
      const known = items.filter((item): item is LibraryItem => item !== undefined);
      const read = await books.readEpisodes(known);
      await books.tidyAfterRead(read.damaged, read.missing, read.upgraded);
      const problems = [
        ...request.data.ids.filter((id) => !current.library.get(id)).map((id) => t('exportGone', quote(id))),
        ...read.damaged.map((damage) => t('exportDamaged', quote(damage.label), damage.reason)),
        ...read.missing.map((id) => t('exportMissing', quote(current.library.get(id)?.title ?? id))),
      ];
      const episodes = known.flatMap((item) => read.episodes.get(item.id) ?? []);
      return { episodes, problems };
    },

    async saveEpisodes(data) {
      const request = saveSchema.safeParse(data);
      if (!request.success) return invalidRequest(request.error);
      const now = Date.now();
      const records: EpisodeRecord[] = [];
      const problems: string[] = [];
      request.data.episodes.forEach(({ episode, source }, index) => {
        const record = episodeRecordSchema.safeParse(createRecord(episode as Episode, source, now));
        if (record.success) records.push(record.data);
        else {
          const title = (episode as { title?: unknown } | null)?.title;
          const name = typeof title === 'string' ? quote(title) : `episode ${index + 1}`;
          const details = record.error.issues
            .slice(0, 3)
            .map((issue) => `${fieldPath(issue.path.slice(1)) || t('theEpisode')}: ${issue.message}`);
          problems.push(`${name}: ${details.join('; ')}`);
        }
      });
      if (problems.length > 0) {
        return { ok: false, message: t(problems.length === 1 ? 'saveInvalidOne' : 'saveInvalidMany', problems.join('. ')) };
      }
      try {
        return { ok: true, saved: await restoreOrSave(records) };
      } catch (error) {
        return failure(error);
      }
    },

    renameEpisode: (data) => renameEpisode(books, data),

    async linkMediaAddress(data) {
      const request = linkAddressSchema.safeParse(data);
      if (!request.success) return invalidRequest(request.error);
      const media = readMediaLink(request.data.address);
      if (!media) {
        return {
          ok: false,
          message: t('addressUnknown', quote(request.data.address.trim() || t('emptyAddress'))),
        };
      }
      const current = await books.current();
      if (!current.library.get(request.data.episodeId)) return { ok: false, message: t('episodeGone') };
      try {
        await changeLinks((links) => ({ ...links, [`${media.site}:${media.mediaId}`]: request.data.episodeId }));
        return { ok: true, ...media };
      } catch (error) {
        return failure(error);
      }
    },

    async unlinkMedia(data) {
      const request = mediaSchema.safeParse(data);
      if (!request.success) return invalidRequest(request.error);
      try {
        await changeLinks((links) => {
          delete links[`${request.data.site}:${request.data.mediaId}`];
          return links;
        });
        return { ok: true };
      } catch (error) {
        return failure(error);
      }
    },

    async setLink(data, remove) {
      const request = (remove ? mediaSchema : popupLinkSchema).safeParse(data);
      if (!request.success) return;
      const { site, mediaId } = request.data;
      const episodeId = 'episodeId' in request.data ? (request.data.episodeId as string) : null;
      await books.mutate(async (current) => {
        const links = { ...current.links };
        if (episodeId === null) delete links[`${site}:${mediaId}`];
        else links[`${site}:${mediaId}`] = episodeId;
        await linksItem.setValue(links);
        return { next: books.build(current.entries, links, current.revision), result: undefined };
      });
    },

    deleteEpisodes: (data) => deleteEpisodes(books, data),

    async restoreEpisodes(data) {
      const request = restoreSchema.safeParse(data);
      if (!request.success) return invalidRequest(request.error);
      const records: EpisodeRecord[] = [];
      for (const raw of request.data.records) {
        const record = episodeRecordSchema.safeParse(raw);
        if (!record.success) return { ok: false, message: t('undoInvalid') };
        records.push(record.data);
      }
      try {
        await restoreOrSave(records);
        return { ok: true };
      } catch (error) {
        return failure(error);
      }
    },

    async getSetAside(data) {
      const request = setAsideIdSchema.safeParse(data);
      if (!request.success) return null;
      const entry = (await loadQuarantine()).find((candidate) => candidate.id === request.data.id);
      return entry ? { key: entry.key, value: entry.value } : null;
    },

    async dismissSetAside(data) {
      const request = setAsideIdSchema.safeParse(data);
      if (!request.success) return invalidRequest(request.error);
      try {
        await books.mutate(async (current) => {
          await commitChange({
            set: { [QUARANTINE_KEY]: removeFromQuarantine(await storage.getItem(QUARANTINE_KEY), request.data.id) },
            remove: [],
          });
          return { next: current, result: undefined };
        });
        return { ok: true };
      } catch (error) {
        return failure(error);
      }
    },

    editRevision: (data) => editRevision(books, data),
    newEpisode: newEpisodeFor,
    saveEdit: (data) => saveEdit(books, data),
    exportEpisode: (data) => exportForSidebar(books, data),

    close: () => [books, refusals, offsets].forEach((part) => part.close()),
  };
}
