import type { TimedChapter } from '../../utils/chapters/active';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging/protocol';
import type { SidebarState } from '../../utils/sidebar/state';
import { useSignalValue } from '../../utils/sidebar/signal-hooks';
import { CopyButton } from './CopyButton';
import { trusted } from './trusted';

interface Props {
  state: SidebarState;
  chapter: TimedChapter;
  index: number;
  current: boolean;
}

/** A chapter's actions, under its summary: loop it (the current one), copy a link, copy it as Markdown. */
export function ChapterActions({ state, chapter, index, current }: Props) {
  const { clock, actions } = state;
  const looping = useSignalValue(clock.loopIndex) === index;
  const link = () => actions.linkAt?.(chapter.start) ?? null;
  // Formatted by the background (chapter-markdown.ts), so the formatter is not in every content
  // script, which keeps only the fields it formats. An open end goes as null, which JSON can carry.
  const markdown = () =>
    sendMessage('formatChapterMarkdown', { chapter: { ...chapter, end: Number.isFinite(chapter.end) ? chapter.end : null }, link: link() });
  return (
    <div class="cb-actions">
      {current && Number.isFinite(chapter.end) && (
        <button type="button" class="cb-action" aria-pressed={looping} onClick={trusted(() => clock.setLoop(looping ? -1 : index))}>
          {t('loopChapter')}
        </button>
      )}
      {actions.linkAt && <CopyButton label={t('copyLink')} name={t('copyLinkTo', chapter.title)} text={() => link() ?? ''} />}
      <CopyButton label={t('copyMarkdown')} name={t('copyMarkdownOf', chapter.title)} text={markdown} />
    </div>
  );
}
