import { t, type MessageKey } from '../../utils/i18n';
import type { Preferences } from '../../utils/storage/preferences';

interface Props {
  preferences: Preferences;
  onChange(change: Partial<Preferences>): void;
}

interface Choice<K extends keyof Preferences> {
  key: K;
  legend: MessageKey;
  options: Array<{ value: Preferences[K]; label: MessageKey; hint?: MessageKey }>;
}

// Message keys: the words are read when the form renders, in the browser's language.
const CHOICES = [
  {
    key: 'position',
    legend: 'settingPosition',
    options: [
      { value: 'beside', label: 'settingBeside', hint: 'settingBesideHint' },
      { value: 'below', label: 'settingBelow', hint: 'settingBelowHint' },
    ],
  } satisfies Choice<'position'>,
  {
    key: 'collapsed',
    legend: 'settingOnOpen',
    options: [
      { value: false, label: 'settingShowChapters' },
      { value: true, label: 'settingHeaderOnly', hint: 'settingHeaderOnlyHint' },
    ],
  } satisfies Choice<'collapsed'>,
  {
    key: 'theme',
    legend: 'settingTheme',
    options: [
      { value: 'site', label: 'settingThemeSite', hint: 'settingThemeSiteHint' },
      { value: 'light', label: 'settingThemeLight' },
      { value: 'dark', label: 'settingThemeDark' },
    ],
  } satisfies Choice<'theme'>,
] as const;

const SWITCHES: Array<{ key: 'expandAll' | 'autoFollow'; label: MessageKey; hint: MessageKey }> = [
  { key: 'expandAll', label: 'settingExpandAll', hint: 'settingExpandAllHint' },
  { key: 'autoFollow', label: 'settingFollow', hint: 'settingFollowHint' },
];

/** The sidebar's settings; each change is saved at once and open tabs apply it at once. */
export function SettingsForm({ preferences, onChange }: Props) {
  return (
    <form class="op-settings" onSubmit={(event) => event.preventDefault()}>
      {CHOICES.map((choice) => (
        <fieldset key={choice.key} class="op-choice">
          <legend>{t(choice.legend)}</legend>
          {choice.options.map((option) => {
            const id = `setting-${choice.key}-${String(option.value)}`;
            return (
              <div class="op-radio" key={id}>
                <input
                  type="radio"
                  id={id}
                  name={choice.key}
                  checked={preferences[choice.key] === option.value}
                  aria-describedby={'hint' in option && option.hint ? `${id}-hint` : undefined}
                  onChange={() => onChange({ [choice.key]: option.value })}
                />
                <label for={id}>
                  {t(option.label)}
                  {'hint' in option && option.hint && (
                    <span class="op-muted" id={`${id}-hint`}>
                      {t(option.hint)}
                    </span>
                  )}
                </label>
              </div>
            );
          })}
        </fieldset>
      ))}
      <fieldset class="op-choice">
        <legend>{t('settingChapterList')}</legend>
        {SWITCHES.map(({ key, label, hint }) => (
          <div class="op-radio" key={key}>
            <input
              type="checkbox"
              id={`setting-${key}`}
              checked={preferences[key]}
              aria-describedby={`setting-${key}-hint`}
              onChange={(event) => onChange({ [key]: event.currentTarget.checked })}
            />
            <label for={`setting-${key}`}>
              {t(label)}
              <span class="op-muted" id={`setting-${key}-hint`}>
                {t(hint)}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
    </form>
  );
}
