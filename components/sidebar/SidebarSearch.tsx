import { t } from '../../utils/i18n';
import type { SidebarState } from '../../utils/sidebar/state';
import { useSignalValue } from '../../utils/sidebar/signal-hooks';
import { trusted } from './trusted';

/**
 * Searches the chapters' titles, descriptions and bullets. The list keeps only the chapters that
 * match, with the matches marked; Enter plays the first of them, Down moves into the list, Escape
 * clears the search.
 */
export function SidebarSearch({ state }: { state: SidebarState }) {
  const matches = useSignalValue(state.matches);
  const total = useSignalValue(state.clock.chapters).length;
  const query = useSignalValue(state.query);
  const first = matches ? [...matches][0] : undefined;

  const onKeyDown = (event: KeyboardEvent) => {
    const input = event.currentTarget as HTMLInputElement;
    if (event.key === 'Enter') {
      event.preventDefault();
      const chapter = first === undefined ? undefined : state.clock.chapters.peek()[first];
      if (!chapter) return;
      state.following.value = true;
      state.clock.seekTo(chapter.start);
    } else if (event.key === 'Escape' && state.query.peek()) {
      event.preventDefault();
      state.query.value = '';
    } else if (event.key === 'ArrowDown') {
      const panel = input.closest('.cb');
      const button = panel?.querySelector<HTMLButtonElement>('.cb-list .cb-seek');
      if (button) {
        event.preventDefault();
        button.focus();
      }
    }
  };

  return (
    <div class="cb-search" role="search">
      <input
        type="search"
        class="cb-search-input"
        aria-label={t('searchChapters')}
        placeholder={t('searchChapters')}
        autocomplete="off"
        spellcheck={false}
        value={query}
        onInput={(event) => (state.query.value = event.currentTarget.value)}
        onKeyDown={trusted(onKeyDown)}
      />
      <span class="cb-search-count" role="status">
        {matches ? (matches.size === 0 ? t('searchNoMatch') : t('searchMatches', matches.size, total)) : ''}
      </span>
    </div>
  );
}
