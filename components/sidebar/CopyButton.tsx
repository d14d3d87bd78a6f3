import { useEffect, useRef, useState } from 'preact/hooks';
import { copyText } from '../../utils/sidebar/clipboard';
import { t } from '../../utils/i18n';
import { trusted } from './trusted';

interface Props {
  /** What the button says. */
  label: string;
  /** Its accessible name, naming what it copies ("Copy link to “Intro”"). */
  name: string;
  /** The text, built at the moment of the click (or asked of the background: a round trip of milliseconds). */
  text: () => string | Promise<string>;
}

/** How long "Copied" shows before the button says what it does again. */
const FEEDBACK_MS = 2000;

/**
 * Copies on click and says "Copied". Where the browser refuses to copy, the text appears in a
 * selected field for the person to copy with their keyboard.
 */
export function CopyButton({ label, name, text }: Props) {
  const [mode, setMode] = useState<'idle' | 'copied' | 'manual'>('idle');
  const [manualText, setManualText] = useState('');
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (mode === 'manual') fieldRef.current?.select();
    if (mode !== 'copied') return;
    const timer = setTimeout(() => setMode('idle'), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [mode]);

  const copy = async () => {
    let value: string;
    try {
      // The click's user activation outlasts the wait (Chrome allows about 5 s), so the copy below
      // still counts as the person's.
      value = await text();
    } catch {
      // No text to copy (the background did not answer, or refused the chapter): nothing is copied,
      // so the button does not say "Copied", and there is nothing to show for copying by hand.
      // Copying something else instead (the bare title) would not be what the button says it copies.
      return;
    }
    if (await copyText(value)) setMode('copied');
    else {
      setManualText(value);
      setMode('manual');
    }
  };

  return (
    <>
      <button type="button" class="cb-action" aria-label={mode === 'copied' ? t('copied') : name} onClick={trusted(() => void copy())}>
        {mode === 'copied' ? t('copied') : label}
      </button>
      <span class="cb-visually-hidden" role="status">
        {mode === 'copied' ? t('copied') : ''}
      </span>
      {mode === 'manual' && (
        <input
          class="cb-copy-field"
          ref={fieldRef}
          readOnly
          value={manualText}
          aria-label={t('copyManually')}
          title={t('copyManually')}
          onBlur={() => setMode('idle')}
        />
      )}
    </>
  );
}
