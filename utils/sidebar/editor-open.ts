import { t } from '../i18n';
import type { EditStart } from './editor/start-editing';
import { loadSidebarEditor } from './editor-loader';

/** Starts the editor once its script has arrived; when it cannot, the sidebar says so. */
export function openSidebarEditor(start: EditStart): void {
  loadSidebarEditor()
    .then((editor) => editor.startEditing(start))
    .catch(() => {
      if (!start.lifetime.aborted) start.state.notice.value = t('editorUnavailable');
    });
}
