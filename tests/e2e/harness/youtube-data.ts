import type { FixtureVideo } from './videos.ts';

/**
 * What YouTube's server puts in a watch page's inline scripts for a fixture video, shaped as the
 * real `ytInitialData` and `ytInitialPlayerResponse` are (the paths in
 * ../shared/fixtures/real-world/youtube-data/NOTES_youtube_chapter_paths.md and the saved
 * GJLlxj_dtq8 page beside it), cut down to the parts that hold chapters and the description.
 * The fixture server renders them into watch.html on a first load; unit tests build pages from them.
 */

export interface FixtureChapter {
  start: number;
  title: string;
}

const text = (value: string) => ({ simpleText: value });
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

function macroMarkersPanel(videoId: string, panelId: string, header: string, chapters: readonly FixtureChapter[]) {
  return {
    engagementPanelSectionListRenderer: {
      panelIdentifier: panelId,
      targetId: panelId,
      header: { engagementPanelTitleHeaderRenderer: { title: { runs: [{ text: header }] } } },
      content: {
        macroMarkersListRenderer: {
          contents: chapters.map((chapter) => ({
            macroMarkersListItemRenderer: {
              title: text(chapter.title),
              timeDescription: text(clock(chapter.start)),
              onTap: {
                commandMetadata: { webCommandMetadata: { url: `/watch?v=${videoId}&t=${Math.floor(chapter.start)}s` } },
                watchEndpoint: { videoId, startTimeSeconds: chapter.start },
              },
            },
          })),
        },
      },
      visibility: 'ENGAGEMENT_PANEL_VISIBILITY_HIDDEN',
    },
  };
}

/** "Key moments" (MARKER_TYPE_TIMESTAMPS) and "Most replayed" (MARKER_TYPE_HEATMAP), as the saved page has them. */
function markerEntities(video: FixtureVideo) {
  const heatmap = Array.from({ length: 20 }, (_, i) => ({
    startMillis: String(Math.round((i * video.lengthSeconds * 1000) / 20)),
    durationMillis: String(Math.round((video.lengthSeconds * 1000) / 20)),
    intensityScoreNormalized: (i % 7) / 7,
  }));
  const mutations: unknown[] = [
    {
      entityKey: 'EgpIRUFUU0VFS0VSIJICKAE%3D',
      type: 'ENTITY_MUTATION_TYPE_REPLACE',
      payload: {
        macroMarkersListEntity: { externalVideoId: video.id, markersList: { markerType: 'MARKER_TYPE_HEATMAP', markers: heatmap } },
      },
    },
  ];
  if (video.keyMoments?.length) {
    mutations.push({
      entityKey: 'EgtLRVlfTU9NRU5UUyCSAigB',
      type: 'ENTITY_MUTATION_TYPE_REPLACE',
      payload: {
        macroMarkersListEntity: {
          externalVideoId: video.id,
          markersList: {
            markerType: 'MARKER_TYPE_TIMESTAMPS',
            markers: video.keyMoments.map((moment) => ({
              title: text(moment.title),
              startMillis: String(moment.start * 1000),
              durationMillis: '10000',
            })),
          },
        },
      },
    });
  }
  return { entityBatchUpdate: { mutations } };
}

export function buildInitialData(video: FixtureVideo): Record<string, unknown> {
  const chapters = video.chapters ?? [];
  const panels = [
    { engagementPanelSectionListRenderer: { panelIdentifier: 'engagement-panel-structured-description', content: {} } },
    ...(chapters.length ? [macroMarkersPanel(video.id, 'engagement-panel-macro-markers-description-chapters', 'Chapters', chapters)] : []),
    ...(video.autoChapters?.length
      ? [macroMarkersPanel(video.id, 'engagement-panel-macro-markers-auto-chapters', 'Key moments', video.autoChapters)]
      : []),
  ];
  return {
    currentVideoEndpoint: { watchEndpoint: { videoId: video.id } },
    playerOverlays: {
      playerOverlayRenderer: {
        decoratedPlayerBarRenderer: {
          decoratedPlayerBarRenderer: {
            playerBar: {
              multiMarkersPlayerBarRenderer: {
                visibleOnLoad: { key: chapters.length ? 'DESCRIPTION_CHAPTERS' : '' },
                ...(chapters.length
                  ? {
                      markersMap: [
                        {
                          key: 'DESCRIPTION_CHAPTERS',
                          value: {
                            chapters: chapters.map((chapter) => ({
                              chapterRenderer: { title: text(chapter.title), timeRangeStartMillis: chapter.start * 1000 },
                            })),
                          },
                        },
                      ],
                    }
                  : {}),
              },
            },
          },
        },
      },
    },
    engagementPanels: panels,
    frameworkUpdates: markerEntities(video),
  };
}

export function buildPlayerResponse(video: FixtureVideo): Record<string, unknown> {
  return {
    videoDetails: {
      videoId: video.id,
      title: video.title,
      lengthSeconds: String(video.lengthSeconds),
      author: video.channel,
      shortDescription: video.description ?? '',
    },
  };
}

/** A value for an inline <script>: JSON where "<" is escaped, so no text can end the element. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
