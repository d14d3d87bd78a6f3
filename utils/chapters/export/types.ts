import type { MessageKey } from '../../i18n';
import type { Episode } from '../schema';

export type ExportFormat = 'youtube' | 'podcasting20' | 'podlove' | 'webvtt' | 'mp4chaps' | 'chapterbar-text' | 'chapterbar-json';

/** A written file, and what a person should know about it: what the format leaves out, what the destination will refuse. */
export interface ExportedChapters {
  text: string;
  notes: string[];
}

/** One export format; each lives in a module of its own beside this one. */
export interface ExportFormatModule {
  id: ExportFormat;
  /** The format's name as people know it (a message key). */
  name: MessageKey;
  /** The end of the file name, after the episode's ("episode.vtt", "episode.chapters.json"). */
  extension: string;
  mime: string;
  /** A description block is pasted, not uploaded: it is offered for copying only. */
  copyOnly?: boolean;
  write(episode: Episode): ExportedChapters;
}
