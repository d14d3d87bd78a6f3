import { formatClock } from '../../utils/chapters/time';
import { t } from '../../utils/i18n';
import type { SidebarState } from '../../utils/sidebar/state';
import { useComputedValue, useSignalValue } from '../../utils/sidebar/signal-hooks';
import { trusted } from './trusted';

/** Corrections are kept to a tenth of a second: finer is noise, coarser moves boundaries audibly. */
const roundOffset = (seconds: number) => Math.round(seconds * 10) / 10;

/** "−2:00", "+0:05.5": the offset added to the player's time to reach the chapters' time. */
export function formatOffset(seconds: number): string {
  const rounded = roundOffset(seconds);
  const sign = rounded < 0 ? '−' : rounded > 0 ? '+' : '';
  const magnitude = Math.abs(rounded);
  const tenths = Math.round((magnitude % 1) * 10);
  return `${sign}${formatClock(magnitude)}${tenths ? `.${tenths}` : ''}`;
}

const NUDGES = [-5, -1, 1, 5];

const signed = (step: number) => (step > 0 ? `+${step}` : `−${-step}`);

/** "Chapters 5 seconds earlier": a positive step moves them earlier against the media. */
function nudgeLabel(step: number): string {
  const size = Math.abs(step);
  if (step > 0) return size === 1 ? t('nudgeEarlierOne') : t('nudgeEarlier', size);
  return size === 1 ? t('nudgeLaterOne') : t('nudgeLater', size);
}

/**
 * Corrects where the chapters fall in this edition of the episode (an audio edition with an intro
 * or ads runs ahead of the video the chapters were written for). One click while listening: "This
 * chapter starts now" on the current chapter, or nudges by seconds. Each change is remembered for
 * the episode on this site.
 */
export function OffsetControls({ state }: { state: SidebarState }) {
  const { clock } = state;
  const offset = useSignalValue(clock.offset);
  const chapter = useComputedValue(() => clock.chapters.value[Math.max(0, clock.activeIndex.value)]);
  const correction = state.offsetCorrection;
  if (!correction) return null;

  const apply = (seconds: number) => {
    const value = roundOffset(seconds);
    clock.setOffset(value);
    correction.save(value);
  };
  const startsNow = () => {
    if (!chapter) return;
    const mediaTime = clock.currentTime() - clock.offset.peek();
    apply(chapter.start - mediaTime);
  };
  const reset = () => {
    clock.setOffset(correction.defaultOffset);
    correction.save(null);
  };

  return (
    <div class="cb-offset" role="group" aria-label={t('chapterTiming')}>
      <div class="cb-offset-row">
        <button
          type="button"
          class="cb-tool"
          disabled={!chapter}
          title={chapter ? t('startsNowHint', chapter.title) : undefined}
          onClick={trusted(startsNow)}
        >
          {t('startsNow')}
        </button>
        <span class="cb-offset-value" title={t('offsetHint')}>
          {t('offset')} <output>{formatOffset(offset)}</output>
        </span>
      </div>
      <div class="cb-offset-row">
        {NUDGES.map((step) => (
          <button
            key={step}
            type="button"
            class="cb-tool cb-nudge"
            // The name begins with the visible "+5 s" (WCAG 2.5.3, label in name), then says what it does.
            aria-label={t('nudgeName', t('secondsShort', signed(step)), nudgeLabel(step))}
            title={nudgeLabel(step)}
            onClick={trusted(() => apply(clock.offset.peek() + step))}
          >
            {t('secondsShort', signed(step))}
          </button>
        ))}
        <button type="button" class="cb-tool cb-offset-reset" disabled={offset === correction.defaultOffset} onClick={trusted(reset)}>
          {t('reset')}
        </button>
      </div>
    </div>
  );
}
