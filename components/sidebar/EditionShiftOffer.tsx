import { t } from '../../utils/i18n';
import type { SidebarState } from '../../utils/sidebar/state';
import { useSignalValue } from '../../utils/sidebar/signal-hooks';
import { trusted } from './trusted';

/** "The show notes say this edition runs 2:00 later than the chapters. Use it?", in one click. */
export function EditionShiftOffer({ state }: { state: SidebarState }) {
  const offer = useSignalValue(state.shiftOffer);
  const correction = state.offsetCorrection;
  if (!offer || !correction) return null;
  const use = () => {
    state.clock.setOffset(offer.offset);
    correction.save(offer.offset);
    state.shiftOffer.value = null;
  };
  return (
    <p class="cb-notice cb-shift-offer" role="status">
      {offer.text}{' '}
      <button type="button" class="cb-inline-button" onClick={trusted(use)}>
        {t('shiftUse')}
      </button>
    </p>
  );
}
