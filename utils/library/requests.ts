import { z } from 'zod';
import { fieldPath } from '../chapters/formats/problems';
import { t } from '../i18n';
import { importSourceSchema } from './store';
import { MAX_OFFSET_SECONDS } from '../storage/offsets';

/*
 * What each library request may carry. Every request comes from another context (a page of the
 * extension, or a content script the page may have fooled), so each is parsed here before use.
 */

/** Larger requests are a page bug or an attack on the background, not a person's import. */
export const MAX_EPISODES_PER_REQUEST = 20_000;
export const idSchema = z.string().min(1).max(200);
export const textSchema = (max: number) => z.string().max(max);

export const saveSchema = z.object({
  episodes: z
    .array(z.object({ episode: z.unknown(), source: importSourceSchema.optional() }))
    .min(1, t('requestNothingToSave'))
    .max(MAX_EPISODES_PER_REQUEST, t('requestTooMany', MAX_EPISODES_PER_REQUEST)),
});
export const idsSchema = z.object({ ids: z.array(idSchema).max(MAX_EPISODES_PER_REQUEST) });
export const renameSchema = z.object({
  id: idSchema,
  title: z.string().trim().min(1, t('requestNeedsTitle')).max(500, t('requestTitleTooLong', 500)),
  show: z.string().trim().max(500, t('requestShowTooLong', 500)),
});
export const linkAddressSchema = z.object({ episodeId: idSchema, address: textSchema(2000) });
export const mediaSchema = z.object({ site: z.string().min(1).max(40), mediaId: z.string().min(1).max(200) });
export const popupLinkSchema = mediaSchema.extend({ episodeId: idSchema });
export const answerSchema = popupLinkSchema.extend({ accept: z.boolean() });
export const restoreSchema = z.object({ records: z.array(z.unknown()).min(1).max(MAX_EPISODES_PER_REQUEST) });
export const setAsideIdSchema = z.object({ id: z.string().min(1).max(100) });
export const offsetRequestSchema = z.object({
  episodeId: idSchema,
  site: mediaSchema.shape.site,
  seconds: z.number().finite().min(-MAX_OFFSET_SECONDS).max(MAX_OFFSET_SECONDS).nullable(),
});

/** The sidebar editor's save: the whole episode, and the revision it was edited from (null: not stored yet). */
export const saveEditSchema = z.object({ episode: z.unknown(), base: z.number().int().nonnegative().nullable() });
export const exportRequestSchema = z.object({ id: idSchema, format: z.string().min(1).max(40) });

export const invalidRequest = (error: z.ZodError): { ok: false; message: string } => ({
  ok: false,
  message: t('requestInvalid', error.issues.map((issue) => `${fieldPath(issue.path) || t('theRequest')}: ${issue.message}`).join('; ')),
});

export const quote = (text: string) => t('quotedTitle', text.length > 80 ? `${text.slice(0, 79)}…` : text);

export const failure = (error: unknown): { ok: false; message: string } => ({
  ok: false,
  message: error instanceof Error ? error.message : t('somethingWentWrong', String(error)),
});
