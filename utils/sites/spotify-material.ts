/*
 * What the Spotify adapter (spotify.ts) collects from an episode page for the background's reader
 * (page-chapters/reading/spotify.ts), and when both take the page to have shown all it will.
 */

/** An episode page's show notes as text with their line breaks. */
export type ShowNotesMaterial = { notes: string };

/** The episode's notes are there: whatever timestamps they hold are all there will be. */
export const showNotesSettled = (material: ShowNotesMaterial) => material.notes.trim() !== '';
