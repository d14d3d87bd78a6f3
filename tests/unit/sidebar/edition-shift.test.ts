import { describe, expect, it } from 'vitest';
import { findEditionShift } from '../../../utils/sidebar/edition-shift';

// The bundled No Priors Ep. 3's chapter starts (assets/episodes/no-priors-ep3-emad-mostaque.txt).
const CHAPTERS = [0, 135, 271, 359, 550, 697, 881, 1051, 1182, 1356, 1543, 1661, 1866, 1955, 2204, 2666];

describe('findEditionShift', () => {
  it('finds the audio edition’s 2:00 from show notes shifted by 2:00 (exact)', () => {
    expect(
      findEditionShift(
        CHAPTERS,
        CHAPTERS.map((start) => start + 120),
      ),
    ).toEqual({ offset: -120, agreeing: 16, exact: true });
  });

  it('finds a shift that most timestamps agree on, within 2 s, and says it is not exact', () => {
    const page = [121, 256, 390, 500, 1700];
    // 121→0, 256→135, 390→271 agree within 2 s; the median of their differences is −121.
    expect(findEditionShift(CHAPTERS, page)).toEqual({ offset: -121, agreeing: 3, exact: false });
  });

  it('finds nothing when fewer than three line up', () => {
    expect(findEditionShift(CHAPTERS, [120, 255, 1100])).toBeNull();
    expect(findEditionShift(CHAPTERS, [120, 255])).toBeNull();
  });

  it('does not take lists that disagree by tens of seconds (Lex Fridman #416’s two outlines)', () => {
    // lexfridman.com's chapter times and the YouTube description's, as issue 13's research found them.
    const site = [112, 815, 1064, 1507, 2259, 2313, 7071];
    const video = [138, 834, 1066, 1507, 2251, 2331, 7076];
    const found = findEditionShift(site, video);
    expect(found === null || found.agreeing < video.length).toBe(true);
  });

  it('finds no shift for the media’s own timeline', () => {
    expect(findEditionShift(CHAPTERS, CHAPTERS)).toEqual({ offset: 0, agreeing: 16, exact: true });
  });
});
