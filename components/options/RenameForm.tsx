import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../utils/i18n';

interface Props {
  id: string;
  title: string;
  show: string;
  onSubmit(change: { title: string; show: string }): Promise<string | null>;
  onClose(): void;
}

/** Inline rename of an imported episode; returns focus to the caller through onClose. */
export function RenameForm({ id, title, show, onSubmit, onClose }: Props) {
  const titleValue = useSignal(title);
  const showValue = useSignal(show);
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const errorId = `rename-error-${id}`;
  return (
    <form
      class="op-inline-form"
      onSubmit={async (event) => {
        event.preventDefault();
        busy.value = true;
        error.value = await onSubmit({ title: titleValue.value, show: showValue.value });
        busy.value = false;
        if (error.value === null) onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div class="op-field">
        <label for={`rename-title-${id}`}>{t('titleLabel')}</label>
        <input
          id={`rename-title-${id}`}
          ref={input}
          value={titleValue.value}
          required
          maxLength={500}
          aria-invalid={error.value !== null}
          aria-describedby={error.value ? errorId : undefined}
          onInput={(event) => (titleValue.value = event.currentTarget.value)}
        />
      </div>
      <div class="op-field">
        <label for={`rename-show-${id}`}>{t('showLabel')}</label>
        <input
          id={`rename-show-${id}`}
          value={showValue.value}
          maxLength={500}
          onInput={(event) => (showValue.value = event.currentTarget.value)}
        />
      </div>
      <p class="op-muted op-field-hint">{t('renameHint')}</p>
      {error.value && (
        <p class="op-inline-error" id={errorId} role="alert">
          {error.value}
        </p>
      )}
      <div class="op-actions">
        <button type="submit" class="op-button op-primary" disabled={busy.value}>
          {t('saveName')}
        </button>
        <button type="button" class="op-button" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
