import type { Preferences } from '../utils/preferences';

interface Props {
  preferences: Preferences;
  onChange(change: Partial<Preferences>): void;
}

interface Choice<K extends keyof Preferences> {
  key: K;
  legend: string;
  options: Array<{ value: Preferences[K]; label: string; hint?: string }>;
}

const CHOICES = [
  {
    key: 'position',
    legend: 'Where the sidebar goes',
    options: [
      { value: 'beside', label: 'Beside the player', hint: 'At the top of the column on the right' },
      { value: 'below', label: 'Below the player', hint: 'Under the video’s title' },
    ],
  } satisfies Choice<'position'>,
  {
    key: 'collapsed',
    legend: 'When a page opens',
    options: [
      { value: false, label: 'Show the chapters' },
      { value: true, label: 'Show only the header', hint: 'The sidebar’s Hide and Show buttons change this too' },
    ],
  } satisfies Choice<'collapsed'>,
  {
    key: 'theme',
    legend: 'Theme',
    options: [
      { value: 'site', label: 'Match the site', hint: 'Light or dark, as the page is' },
      { value: 'light', label: 'Light' },
      { value: 'dark', label: 'Dark' },
    ],
  } satisfies Choice<'theme'>,
] as const;

const SWITCHES: Array<{ key: 'expandAll' | 'autoFollow'; label: string; hint: string }> = [
  { key: 'expandAll', label: 'Expand all chapter summaries', hint: 'Every chapter shows its description and bullets, not only the current one.' },
  { key: 'autoFollow', label: 'Follow the current chapter', hint: 'The list scrolls by itself to keep the chapter that plays in view.' },
];

/** The sidebar's settings; each change is saved at once and open tabs apply it at once. */
export function SettingsForm({ preferences, onChange }: Props) {
  return (
    <form class="op-settings" onSubmit={(event) => event.preventDefault()}>
      {CHOICES.map((choice) => (
        <fieldset key={choice.key} class="op-choice">
          <legend>{choice.legend}</legend>
          {choice.options.map((option) => {
            const id = `setting-${choice.key}-${String(option.value)}`;
            return (
              <div class="op-radio" key={id}>
                <input
                  type="radio"
                  id={id}
                  name={choice.key}
                  checked={preferences[choice.key] === option.value}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                  onChange={() => onChange({ [choice.key]: option.value })}
                />
                <label for={id}>
                  {option.label}
                  {option.hint && (
                    <span class="op-muted" id={`${id}-hint`}>
                      {option.hint}
                    </span>
                  )}
                </label>
              </div>
            );
          })}
        </fieldset>
      ))}
      <fieldset class="op-choice">
        <legend>Chapter list</legend>
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
              {label}
              <span class="op-muted" id={`setting-${key}-hint`}>
                {hint}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
    </form>
  );
}
