import { browser } from 'wxt/browser';
import { STORAGE_KEYS } from '../storage/keys';
import { offsetsItem, readOffset } from '../storage/offsets';
import { loadRefusals } from './refusals';

/**
 * A stored value the background reads on every look-up (the person's refusals, their timing
 * corrections), kept in the worker's memory until storage says it changed: each read is a round
 * trip to the browser process, and every navigation to a video looks its episode up. The service
 * forgets it too right after its own writes, whose change event may come after the next look-up.
 */
export function keptRead<T>(key: string, read: () => Promise<T>) {
  const [area, name] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  let kept: Promise<T> | null = null;
  const onChanged = (changes: Record<string, unknown>, changedArea: string) => {
    if (changedArea === area && name in changes) kept = null;
  };
  browser.storage.onChanged.addListener(onChanged);
  return {
    get(): Promise<T> {
      const reading = (kept ??= read());
      // A failed read is not kept: the next look-up reads again.
      reading.catch(() => kept === reading && (kept = null));
      return reading;
    },
    forget() {
      kept = null;
    },
    close() {
      browser.storage.onChanged.removeListener(onChanged);
    },
  };
}

/** What every look-up reads besides the library: the refusals ("Not this one") and the timing corrections. */
export function keptLookupReads() {
  const offsets = keptRead(STORAGE_KEYS.offsets.key, () => offsetsItem.getValue());
  return {
    refusals: keptRead(STORAGE_KEYS.refusals.key, loadRefusals),
    offsets,
    /** The person's correction for this episode on this site; undefined when none or unreadable. */
    savedOffset: (episodeId: string, site: string) =>
      offsets.get().then(
        (all) => readOffset(all, episodeId, site),
        () => undefined,
      ),
  };
}
