import { useEffect, useRef } from 'preact/hooks';
import { formatClock } from '../utils/chapters/time';
import { buildSaveRequest, FORMAT_LABELS, type ImportItem, type PreviewEpisode } from '../utils/import-batch';
import { siteName } from '../utils/media-address';
import { ChapterPreview } from './ChapterPreview';
import { ProblemList } from './ProblemList';

interface Props {
  items: readonly ImportItem[];
  saving: boolean;
  onSave(): void;
  onCancel(): void;
  onRemove(key: string): void;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** What an import will add, before anything is saved: every episode's chapters and every warning. */
export function ImportPreview({ items, saving, onSave, onCancel, onRemove }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const count = items.length;
  // Keyboard and screen reader users land on the preview when it appears.
  useEffect(() => heading.current?.focus(), [count > 0]);

  const request = buildSaveRequest(items);
  const refused = items.filter((item) => !item.ok).length;
  // Counted whether or not another file is refused, so the button says what fixing it would save.
  const episodeCount = items.reduce((sum, item) => sum + (item.ok ? item.episodes.filter((preview) => preview.supersededBy === null).length : 0), 0);

  return (
    <section class="op-preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading" tabIndex={-1} ref={heading}>
        Check before saving
      </h3>
      {items.map((item) => (
        <article class={`op-card op-import${item.ok ? '' : ' op-import-failed'}`} key={item.key} aria-label={item.name}>
          <header class="op-import-header">
            <div>
              <h4>{item.name}</h4>
              <p class="op-muted">{item.format ? FORMAT_LABELS[item.format] : 'Unknown format'}</p>
            </div>
            <button type="button" class="op-button op-quiet" aria-label={`Remove ${item.name} from this import`} onClick={() => onRemove(item.key)}>
              Remove
            </button>
          </header>
          {item.ok ? (
            <>
              {item.episodes.map((preview, index) => (
                <PreviewedEpisode key={index} preview={preview} />
              ))}
              {item.warnings.length > 0 && (
                <div class="op-warnings">
                  <p class="op-warnings-title">
                    {plural(item.warnings.length, 'warning')}: Chapterbar can import this file, but check these.
                  </p>
                  <ProblemList problems={item.warnings} kind="warning" />
                </div>
              )}
            </>
          ) : (
            <div class="op-error" role="group" aria-label={`Problems in ${item.name}`}>
              <p class="op-error-title">Chapterbar can’t import {item.name}.</p>
              <ProblemList problems={item.problems} kind="error" />
              <p class="op-muted">Fix these in the file and import it again, or remove it from this import to save the others.</p>
            </div>
          )}
        </article>
      ))}
      <div class="op-actions op-preview-actions">
        <button type="button" class="op-button op-primary" disabled={!request || saving} onClick={onSave}>
          {saving ? 'Saving…' : `Save ${plural(episodeCount, 'episode')}`}
        </button>
        <button type="button" class="op-button" onClick={onCancel}>
          Cancel
        </button>
        {refused > 0 && (
          <p class="op-muted">
            Nothing is saved while {refused === 1 ? 'a file has' : `${refused} files have`} problems.
          </p>
        )}
      </div>
    </section>
  );
}

function PreviewedEpisode({ preview }: { preview: PreviewEpisode }) {
  const { episode, replaces, supersededBy } = preview;
  const last = episode.chapters.at(-1);
  const length = episode.duration ?? last?.end;
  const sites = Object.entries(episode.ids).flatMap(([site, ids]) => ids.map((id) => `${siteName(site)} ${id}`));
  return (
    <div class="op-previewed">
      <div class="op-previewed-head">
        {episode.show && <p class="op-show">{episode.show}</p>}
        <p class="op-episode-title">{episode.title}</p>
        <p class="op-muted">
          {plural(episode.chapters.length, 'chapter')}
          {length ? ` · ${formatClock(length)}` : ''}
          {sites.length > 0 ? ` · ${sites.join(', ')}` : ''}
        </p>
        {replaces && (
          <p class="op-note">
            {replaces.origin === 'bundled'
              ? 'Stands in for the episode that comes with Chapterbar; deleting it later brings that one back.'
              : `Replaces “${replaces.title}”, already in your library.`}
          </p>
        )}
        {supersededBy && <p class="op-note">{supersededBy} in this import has the same episode; that one is saved.</p>}
      </div>
      <ChapterPreview episode={episode} />
    </div>
  );
}
