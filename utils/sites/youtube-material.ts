/*
 * What the YouTube adapter (youtube.ts) collects from a watch page for the background's reader
 * (page-chapters/reading/youtube.ts), and when both take the page to have shown all it will.
 */

/** A rendered chapter panel's item, as its elements hold it. */
export type WatchPanelItem = { link: string | null; time: string; title: string };

/**
 * What a watch page holds about its chapters, collected as text for the background's reader
 * (page-chapters/reading/youtube.ts), which checks which video each part belongs to.
 */
export type WatchPageMaterial = {
  /** Windows of the first load's inline scripts (`var ytInitialData = {…}`), on a session's first look only. */
  initialData?: string[];
  playerResponse?: string[];
  /** ytd-watch-flexy's video-id: the video the rendered page shows, which lags a navigation. */
  shownVideoId: string | null;
  /** Each rendered chapter panel's items; a panel not rendered is absent. */
  panels: { chapters?: WatchPanelItem[]; 'auto-chapters'?: WatchPanelItem[] };
  /** The rendered description's text with its line breaks, and the watch links in it. */
  descriptions: Array<{ text: string; links: string[] }>;
};

/**
 * The watch page shows this video's description: its timestamps, and the creator's chapters made
 * from them, are all there will be (a panel of auto-chapters rendering later is let go).
 */
export const watchPageSettled = (material: WatchPageMaterial, videoId: string) =>
  material.shownVideoId === videoId && material.descriptions.some((description) => description.text.trim() !== '');
