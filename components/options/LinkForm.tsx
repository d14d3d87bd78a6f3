import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../utils/i18n';

interface Props {
  id: string;
  title: string;
  onSubmit(address: string): Promise<string | null>;
  onClose(): void;
}

/** "Use these chapters for this video": a pasted YouTube or Spotify address. */
export function LinkForm({ id, title, onSubmit, onClose }: Props) {
  const address = useSignal('');
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const inputId = `link-address-${id}`;
  const hintId = `link-hint-${id}`;
  const errorId = `link-error-${id}`;
  return (
    <form
      class="op-inline-form"
      // Addresses without "https://" are fine too; the browser's URL check would refuse them.
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        busy.value = true;
        error.value = await onSubmit(address.value);
        busy.value = false;
        if (error.value === null) onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div class="op-field">
        <label for={inputId}>{t('linkAddress')}</label>
        <input
          id={inputId}
          ref={input}
          type="url"
          inputMode="url"
          placeholder={t('linkAddressPlaceholder')}
          value={address.value}
          aria-invalid={error.value !== null}
          aria-describedby={error.value ? `${hintId} ${errorId}` : hintId}
          onInput={(event) => (address.value = event.currentTarget.value)}
        />
      </div>
      <p class="op-muted op-field-hint" id={hintId}>
        {t('linkHint', title)}
      </p>
      {error.value && (
        <p class="op-inline-error" id={errorId} role="alert">
          {error.value}
        </p>
      )}
      <div class="op-actions">
        <button type="submit" class="op-button op-primary" disabled={busy.value || address.value.trim() === ''}>
          {t('link')}
        </button>
        <button type="button" class="op-button" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
