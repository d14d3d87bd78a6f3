import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { copyText } from '../utils/clipboard';
import { t } from '../utils/i18n';

interface Props {
  /** What the button says. */
  label: string;
  /** Its accessible name, naming what it copies ("Copy link to “Intro”"). */
  name: string;
  /** The text, built at the moment of the click. */
  text: () => string;
}

/** How long "Copied" shows before the button says what it does again. */
const FEEDBACK_MS = 2000;

/**
 * Copies on click and says "Copied". Where the browser refuses to copy, the text appears in a
 * selected field for the person to copy with their keyboard.
 */
export function CopyButton({ label, name, text }: Props) {
  const state = useSignal<'idle' | 'copied' | 'manual'>('idle');
  const manualText = useSignal('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.value === 'manual') fieldRef.current?.select();
    if (state.value !== 'copied') return;
    const timer = setTimeout(() => (state.value = 'idle'), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state.value]);

  const copy = async () => {
    const value = text();
    const root = buttonRef.current?.getRootNode();
    const container = root instanceof ShadowRoot ? root : document.body;
    if (await copyText(value, container)) state.value = 'copied';
    else {
      manualText.value = value;
      state.value = 'manual';
    }
  };

  return (
    <>
      <button type="button" class="cb-action" ref={buttonRef} aria-label={state.value === 'copied' ? t('copied') : name} onClick={() => void copy()}>
        {state.value === 'copied' ? t('copied') : label}
      </button>
      <span class="cb-visually-hidden" role="status">
        {state.value === 'copied' ? t('copied') : ''}
      </span>
      {state.value === 'manual' && (
        <input
          class="cb-copy-field"
          ref={fieldRef}
          readOnly
          value={manualText.value}
          aria-label={t('copyManually')}
          title={t('copyManually')}
          onBlur={() => (state.value = 'idle')}
        />
      )}
    </>
  );
}
