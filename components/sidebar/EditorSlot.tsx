import type { EditorState } from '../../utils/sidebar/editor/editor';
import { sidebarEditor } from '../../utils/sidebar/editor-loader';
import type { SidebarState } from '../../utils/sidebar/state';
import { useSignalValue } from '../../utils/sidebar/signal-hooks';

/** The editor's panel, from its on-demand script (an editor state exists only once that script has run). */
export function EditorSlot({ state, editor }: { state: SidebarState; editor: EditorState }) {
  const parts = useSignalValue(sidebarEditor);
  return parts ? <parts.EditorPanel state={state} editor={editor} /> : null;
}
