import { EditorPanel } from '../../../components/sidebar/editor/EditorPanel';
import { startEditing } from './start-editing';

/**
 * The sidebar's editor (issue 16), built into its own on-demand script (entrypoints/sidebar-editor.ts):
 * only a person who presses "Edit chapters" or "Make chapters" pays for it, never the page load.
 */
export const SIDEBAR_EDITOR = { EditorPanel, startEditing };

export type SidebarEditor = typeof SIDEBAR_EDITOR;
