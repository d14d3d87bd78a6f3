import { useEffect, useRef } from 'preact/hooks';
import type { ChapterWarning } from '../../../utils/chapters/chapter-checks';
import { formatClock } from '../../../utils/chapters/time';
import { t } from '../../../utils/i18n';
import type { DraftChapter } from '../../../utils/sidebar/editor/draft';
import type { EditorState } from '../../../utils/sidebar/editor/editor';
import { deleteChapter, nudgeStart, setDescription, setStart, setTitle } from '../../../utils/sidebar/editor/edits';
import { useSignalValue } from '../../../utils/sidebar/signal-hooks';
import type { SidebarState } from '../../../utils/sidebar/state';
import { BulletEditor } from './BulletEditor';
import { trusted } from '../trusted';

interface Props {
  state: SidebarState;
  editor: EditorState;
  chapter: DraftChapter;
  index: number;
  warnings: readonly ChapterWarning[];
  /** Where Enter in the title box sends focus: "Add chapter here", ready for the next one. */
  afterTitle(): void;
}

/** One chapter in edit mode: its start (seek, set to now, nudges), title, description, bullets and warnings. */
export function EditorRow({ state, editor, chapter, index, warnings, afterTitle }: Props) {
  const current = useSignalValue(state.clock.isActive(index));
  const titleRef = useRef<HTMLInputElement>(null);
  const { key } = chapter;
  const chapters = () => editor.history.chapters.peek();
  const start = formatClock(chapter.start);
  const warningsId = `cb-edit-warnings-${key}`;

  useEffect(() => {
    if (editor.focusKey.peek() !== key) return;
    editor.focusKey.value = null;
    titleRef.current?.focus();
  });

  const endTyping = () => {
    editor.history.seal();
    void editor.flush();
  };

  return (
    <li class="cb-row cb-edit-row" aria-current={current ? 'true' : undefined} data-index={index}>
      <div role="group" aria-label={t('editChapterGroup', index + 1, start)}>
        <div class="cb-edit-start">
          <button type="button" class="cb-edit-time" aria-label={t('editPlayFrom', start)} onClick={() => editor.seek(chapter.start)}>
            {start}
          </button>
          <button type="button" class="cb-action" onClick={trusted(() => editor.change(setStart(chapters(), key, editor.now())))}>
            {t('editSetToNow')}
          </button>
          <button
            type="button"
            class="cb-action"
            aria-label={t('editEarlierName')}
            onClick={trusted(() => editor.change(nudgeStart(chapters(), key, -1)))}
          >
            {t('editEarlier')}
          </button>
          <button
            type="button"
            class="cb-action"
            aria-label={t('editLaterName')}
            onClick={trusted(() => editor.change(nudgeStart(chapters(), key, 1)))}
          >
            {t('editLater')}
          </button>
          <button type="button" class="cb-action cb-edit-delete" onClick={trusted(() => editor.change(deleteChapter(chapters(), key)))}>
            {t('editDeleteChapter')}
          </button>
        </div>
        <input
          ref={titleRef}
          class="cb-edit-title"
          type="text"
          dir="auto"
          aria-label={t('editChapterTitle')}
          aria-describedby={warnings.length > 0 ? warningsId : undefined}
          aria-invalid={warnings.some((warning) => warning.check === 'no-title') ? 'true' : undefined}
          value={chapter.title}
          onInput={trusted((event) =>
            editor.change(setTitle(chapters(), key, (event.currentTarget as HTMLInputElement).value), `title:${key}`),
          )}
          onBlur={endTyping}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || !event.isTrusted) return;
            event.preventDefault();
            endTyping();
            afterTitle();
          }}
        />
        <textarea
          class="cb-edit-description"
          dir="auto"
          rows={2}
          aria-label={t('editDescriptionLabel')}
          placeholder={t('editDescriptionLabel')}
          value={chapter.description}
          onInput={trusted((event) =>
            editor.change(setDescription(chapters(), key, (event.currentTarget as HTMLTextAreaElement).value), `description:${key}`),
          )}
          onBlur={endTyping}
        />
        <BulletEditor editor={editor} chapter={chapter} onBlur={endTyping} />
        {warnings.length > 0 && (
          <ul class="cb-edit-warnings" id={warningsId}>
            {warnings.map((warning) => (
              <li key={warning.check}>{warning.message}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
