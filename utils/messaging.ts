import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Episode } from './chapters/schema';
import type { EpisodeRef } from './sites/types';

export interface EpisodeMatch {
  episode: Episode;
  /** Seconds added to the site's media time to reach the episode's timeline. */
  offset: number;
}

/**
 * The one protocol between the extension's pages, its background and its content scripts.
 * The background validates everything from storage and files with zod before it answers, so
 * content scripts trust these replies and stay small.
 */
export interface ProtocolMap {
  findEpisode(ref: EpisodeRef): EpisodeMatch | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
