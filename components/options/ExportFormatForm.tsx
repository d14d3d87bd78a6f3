import { useSignal } from '@preact/signals';
import { EXPORT_FORMATS, type ExportFormat } from '../../utils/chapters/export';
import { t } from '../../utils/i18n';

/**
 * Exports for wherever chapters go (issue 16): a YouTube description block to copy, Podcasting
 * 2.0 JSON, Podlove Simple Chapters, WebVTT, mp4chaps and Chapterbar's own formats to download.
 */
export function ExportFormatForm({ title, onExport }: { title: string; onExport(format: ExportFormat): void }) {
  const format = useSignal<ExportFormat>('youtube');
  const copyOnly = EXPORT_FORMATS.find((candidate) => candidate.id === format.value)?.copyOnly === true;
  return (
    <span class="op-button-group">
      <select
        class="op-select"
        aria-label={t('exportFormatOf', title)}
        value={format.value}
        onChange={(event) => (format.value = event.currentTarget.value as ExportFormat)}
      >
        {EXPORT_FORMATS.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {t(candidate.name)}
          </option>
        ))}
      </select>
      <button type="button" class="op-button" onClick={() => onExport(format.value)}>
        {copyOnly ? t('editCopy') : t('editDownload')}
      </button>
    </span>
  );
}
