import { useRef } from 'preact/hooks';
import { t } from '../../../utils/i18n';
import type { EditorState } from '../../../utils/sidebar/editor/editor';
import { useSignalValue } from '../../../utils/sidebar/signal-hooks';
import type { SidebarState } from '../../../utils/sidebar/state';
import { EditorRow } from './EditorRow';
import { ExportMenu } from './ExportMenu';
import { trusted } from '../trusted';

/**
 * The sidebar in edit mode, in place of the chapter list. Its keys (Ctrl+Z, Ctrl+Shift+Z) act only
 * here: the sidebar's shadow root stops key events before the site sees them, and the site's own
 * fields never reach this handler.
 */
export function EditorPanel({ state, editor }: { state: SidebarState; editor: EditorState }) {
  const chapters = useSignalValue(editor.history.chapters);
  const warnings = useSignalValue(editor.warnings);
  const notice = useSignalValue(editor.notice);
  const canUndo = useSignalValue(editor.history.canUndo);
  const canRedo = useSignalValue(editor.history.canRedo);
  const addRef = useRef<HTMLButtonElement>(null);
  const overall = warnings.filter((warning) => warning.index === null);

  return (
    <div
      class="cb-editor"
      onKeyDown={(event) => {
        if (!event.isTrusted || !(event.ctrlKey || event.metaKey) || event.altKey) return;
        const key = event.key.toLowerCase();
        const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
        if (key !== 'z' && !redo) return;
        event.preventDefault();
        if (redo) editor.redo();
        else editor.undo();
      }}
    >
      <div class="cb-edit-toolbar" role="toolbar" aria-label={t('editToolbar')}>
        <button ref={addRef} type="button" class="cb-tool cb-edit-add" onClick={trusted(() => editor.addHere())}>
          {t('editAddHere')}
        </button>
        <button type="button" class="cb-tool" aria-keyshortcuts="Control+Z" disabled={!canUndo} onClick={trusted(() => editor.undo())}>
          {t('editUndo')}
        </button>
        <button
          type="button"
          class="cb-tool"
          aria-keyshortcuts="Control+Shift+Z"
          disabled={!canRedo}
          onClick={trusted(() => editor.redo())}
        >
          {t('editRedo')}
        </button>
        <button type="button" class="cb-tool cb-edit-done" onClick={trusted(() => void editor.done())}>
          {t('editDone')}
        </button>
      </div>
      {notice && (
        <p class="cb-notice" role={notice.alert ? 'alert' : 'status'}>
          {notice.text}{' '}
          {notice.undo && (
            <button
              type="button"
              class="cb-inline-button"
              onClick={trusted(() => {
                notice.undo?.();
                editor.notice.value = null;
              })}
            >
              {t('editPutBack')}
            </button>
          )}
        </p>
      )}
      {overall.length > 0 && (
        <ul class="cb-edit-warnings" aria-label={t('editWarnings')}>
          {overall.map((warning) => (
            <li key={warning.check}>{warning.message}</li>
          ))}
        </ul>
      )}
      {chapters.length === 0 ? (
        <p class="cb-edit-empty">{t('editEmpty')}</p>
      ) : (
        <ol class="cb-list cb-edit-list">
          {chapters.map((chapter, index) => (
            <EditorRow
              key={chapter.key}
              state={state}
              editor={editor}
              chapter={chapter}
              index={index}
              warnings={warnings.filter((warning) => warning.index === index)}
              afterTitle={() => addRef.current?.focus()}
            />
          ))}
        </ol>
      )}
      <ExportMenu editor={editor} />
    </div>
  );
}
