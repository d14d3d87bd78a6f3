import { useSignal } from '@preact/signals';
import { t } from '../../utils/i18n';
import type { ImportInput } from '../../utils/options/import-batch';

interface Props {
  onFiles(files: File[]): void;
  onText(input: ImportInput): void;
}

/** The three ways in: the file picker, dropping files (or text) anywhere on the panel, and pasting. */
export function ImportPanel({ onFiles, onText }: Props) {
  const dragging = useSignal(false);
  const pasted = useSignal('');

  const drop = (event: DragEvent) => {
    event.preventDefault();
    dragging.value = false;
    const transfer = event.dataTransfer;
    if (!transfer) return;
    const files = [...transfer.files];
    if (files.length > 0) onFiles(files);
    else {
      const text = transfer.getData('text/plain');
      if (text.trim()) onText({ name: t('droppedText'), text });
    }
  };

  return (
    <div
      class={`op-dropzone${dragging.value ? ' op-dragging' : ''}`}
      onDragEnter={(event) => {
        event.preventDefault();
        dragging.value = true;
      }}
      onDragOver={(event) => {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(event) => {
        // Leaving for a child element is not leaving the zone.
        if (!(event.currentTarget as Element).contains(event.relatedTarget as Node | null)) dragging.value = false;
      }}
      onDrop={drop}
    >
      <div class="op-dropzone-main">
        <svg class="op-dropzone-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 3l5 5h-3v6h-4V8H7zM5 17h14v3H5z" />
        </svg>
        <div>
          <p class="op-dropzone-title">{t('dropHere')}</p>
          <p class="op-muted">{t('importFormats')}</p>
        </div>
        <input
          id="import-files"
          class="op-file-input"
          type="file"
          multiple
          onChange={(event) => {
            const input = event.currentTarget;
            const files = [...(input.files ?? [])];
            // Cleared so that choosing the same file again (after fixing it) reads it again.
            input.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
        <label for="import-files" class="op-button op-primary">
          {t('importChapters')}
        </label>
      </div>
      <details class="op-paste">
        <summary>{t('pasteInstead')}</summary>
        <label class="op-field-label" for="import-paste">
          {t('pasteChapters')}
        </label>
        <p class="op-muted" id="import-paste-hint">
          {t('pasteHint')}
        </p>
        <textarea
          id="import-paste"
          rows={8}
          aria-describedby="import-paste-hint"
          value={pasted.value}
          placeholder={t('pastePlaceholder')}
          onInput={(event) => (pasted.value = event.currentTarget.value)}
        />
        <button
          type="button"
          class="op-button"
          disabled={pasted.value.trim() === ''}
          onClick={() => {
            onText({ name: t('pastedText'), text: pasted.value });
            pasted.value = '';
          }}
        >
          {t('previewPasted')}
        </button>
      </details>
    </div>
  );
}
