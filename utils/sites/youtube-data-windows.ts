/**
 * What a watch page's content script sends of the first load's inline scripts (`var ytInitialData =
 * {…}`): never the scripts, which are 0.3 to 2 MB on real pages and any amount on a hostile one (the
 * background would spend ~40 ms per MB only receiving them), but the text after each key the reader
 * needs, found with indexOf; the background reads the JSON object that starts there
 * (page-chapters/reading/youtube.ts says where each is). [key, chars, count], sized from real pages
 * (tests/unit/sites/youtube-windows.test.ts): the endpoint that says whose data it is, 0.8 KB; the
 * player bar, 1.1 KB a chapter with its thumbnails, so ~100 chapters and a heat map; the chapter
 * panels, 2.6 to 4.9 KB an item, so ~15 (the player bar holds the creator's chapters too);
 * videoDetails, 2.3 KB, with room for a 5,000-character description of escapes. At most 0.5 MB in
 * all, whatever the page stuffs in (bench row `hostile`); a window holding no whole object is told.
 */
export const DATA_WINDOWS = {
  ytInitialData: [
    ['"currentVideoEndpoint":{', 4_000, 2],
    ['"playerBar":{', 128_000, 2],
    ['{"panelIdentifier":"engagement-panel-macro-markers-', 80_000, 2],
  ],
  ytInitialPlayerResponse: [['"videoDetails":{', 32_000, 2]],
} as const;
