import { t } from '../../../utils/i18n';
import type { DraftChapter } from '../../../utils/sidebar/editor/draft';
import type { EditorState } from '../../../utils/sidebar/editor/editor';
import { addBullet, moveBullet, removeBullet, setBullet } from '../../../utils/sidebar/editor/edits';
import { trusted } from '../trusted';

/** A chapter's bullets: each in a box of its own, with remove and move up or down; and "Add bullet". */
export function BulletEditor({ editor, chapter, onBlur }: { editor: EditorState; chapter: DraftChapter; onBlur(): void }) {
  const { key } = chapter;
  const chapters = () => editor.history.chapters.peek();
  const last = chapter.bullets.length - 1;
  return (
    <div class="cb-edit-bullets">
      {chapter.bullets.length > 0 && (
        <ol>
          {chapter.bullets.map((bullet, i) => (
            <li key={i}>
              {/*
               * A box as tall as its text, never scrolling: a one-line <input> holding a long bullet
               * scrolls, and each scrolling box costs every frame the page draws while it plays.
               */}
              <textarea
                rows={1}
                dir="auto"
                aria-label={t('editBulletLabel', i + 1)}
                value={bullet}
                onKeyDown={(event) => {
                  // One line per bullet: Enter inserts nothing, as in a one-line box.
                  if (event.key === 'Enter') event.preventDefault();
                }}
                onInput={trusted((event) => {
                  const text = (event.currentTarget as HTMLTextAreaElement).value.replace(/\s*[\r\n]+\s*/g, ' ');
                  editor.change(setBullet(chapters(), key, i, text), `bullet:${key}:${i}`);
                })}
                onBlur={onBlur}
              />
              <button
                type="button"
                class="cb-icon"
                aria-label={t('editMoveBulletUp', i + 1)}
                title={t('editMoveBulletUp', i + 1)}
                disabled={i === 0}
                onClick={trusted(() => editor.change(moveBullet(chapters(), key, i, -1)))}
              >
                ↑
              </button>
              <button
                type="button"
                class="cb-icon"
                aria-label={t('editMoveBulletDown', i + 1)}
                title={t('editMoveBulletDown', i + 1)}
                disabled={i === last}
                onClick={trusted(() => editor.change(moveBullet(chapters(), key, i, 1)))}
              >
                ↓
              </button>
              <button
                type="button"
                class="cb-icon"
                aria-label={t('editRemoveBullet', i + 1)}
                title={t('editRemoveBullet', i + 1)}
                onClick={trusted(() => editor.change(removeBullet(chapters(), key, i)))}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        class="cb-action"
        onClick={trusted((event) => {
          editor.change(addBullet(chapters(), key));
          // The new bullet's box, once rendered: the list is this button's previous sibling.
          const list = (event.currentTarget as HTMLElement).parentElement;
          requestAnimationFrame(() => list?.querySelector<HTMLTextAreaElement>('li:last-child textarea')?.focus());
        })}
      >
        {t('editAddBullet')}
      </button>
    </div>
  );
}
