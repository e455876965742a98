import { useLocale } from '../../i18n/i18n-provider'
import { TextField } from '../../ui/text-field'

export function languageName(code: string, locale: string) {
  return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code
}

type Props = {
  label: string
  languages: readonly string[]
  value: Record<string, string>
  onChange: (value: Record<string, string>) => void
  errors: Record<string, string>
  /** Field path in error maps, e.g. `name` → errors `name` or `name.fr`. */
  path: string
  multiline?: boolean
}

/** One input per language the centre offers, labelled "Name (French)", "Name (English)"… */
export function LocalizedFields({ label, languages, value, onChange, errors, path, multiline }: Props) {
  const { locale } = useLocale()
  return (
    <div className="field-row">
      {languages.map((language, index) => (
        <TextField
          key={language}
          label={`${label} (${languageName(language, locale)})`}
          value={value[language] ?? ''}
          onChange={(text) => onChange({ ...value, [language]: text })}
          error={errors[`${path}.${language}`] ?? (index === 0 ? errors[path] : undefined)}
          multiline={multiline ?? false}
        />
      ))}
    </div>
  )
}

/** Drops empty translations before sending, so "no English yet" is absent rather than "". */
export function compactText(value: Record<string, string>) {
  return Object.fromEntries(Object.entries(value).filter(([, text]) => text.trim() !== ''))
}
