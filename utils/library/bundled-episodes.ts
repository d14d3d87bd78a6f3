import noPriorsEp3 from '../../assets/episodes/no-priors-ep3-emad-mostaque.txt?raw';
import { parseChapterbarText } from '../chapters/formats/chapterbar-text';
import type { Episode } from '../chapters/schema';

interface BundledDocument {
  fileName: string;
  text: string;
  extra: Pick<Episode, 'ids' | 'altTitles' | 'offsets'> & { duration: number };
}

/**
 * What the bundled documents do not say but the pages need: where each edition lives and how its
 * timeline differs. The document itself ships verbatim, so a test can compare it with its source.
 */
const BUNDLED: BundledDocument[] = [
  {
    fileName: 'no-priors-ep3-emad-mostaque.txt',
    text: noPriorsEp3,
    extra: {
      // The YouTube upload; inferred from a chapter site's URL (see SOURCES.md in shared fixtures).
      ids: { youtube: ['C6Zpjij5AF4'] },
      // The audio edition's title on Spotify and in the RSS feed.
      altTitles: [
        'How can we make sure that everyone has access to AI? Can small models outperform large models? With Stability AI’s Emad Mostaque',
      ],
      duration: 2702,
      // The audio edition puts the guest's background at 2:00 where the video has 0:00: its
      // chapters start about two minutes later, so its media time runs 120 s ahead.
      offsets: { spotify: -120 },
    },
  },
];

export function loadBundledEpisodes(): Episode[] {
  return BUNDLED.flatMap(({ fileName, text, extra }) => {
    const result = parseChapterbarText(text, { fileName });
    if (!result.ok) {
      console.error(`[Chapterbar] bundled ${fileName} is invalid`, result.problems);
      return [];
    }
    const { episode } = result;
    return [
      {
        ...episode,
        ids: { ...episode.ids, ...extra.ids },
        altTitles: [...episode.altTitles, ...extra.altTitles],
        duration: episode.duration ?? extra.duration,
        offsets: { ...extra.offsets, ...episode.offsets },
      },
    ];
  });
}
