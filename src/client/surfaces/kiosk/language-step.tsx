import { type ContentLanguage, isUiLocale, type UiLocale } from '../../../shared/i18n/locales'
import { messages } from '../../../shared/i18n/messages'
import { languageName } from '../../features/centres/localized-fields'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { KioskHeading, StepCount } from './kiosk-heading'

/** A language named in itself ("Español", "Nederlands"), so anyone finds theirs whatever is on screen. */
function ownName(code: string) {
  const name = languageName(code, code)
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1)
}

type Props = {
  languages: readonly ContentLanguage[]
  total: number
  focus: boolean
  onChoose: (language: ContentLanguage) => void
}

export function LanguageStep({ languages, total, focus, onChoose }: Props) {
  const t = useT()
  const { locale } = useLocale()
  // The same invitation in the centre's other interface languages, for whoever cannot read this one.
  const others = languages.filter((code): code is UiLocale => isUiLocale(code) && code !== locale)
  return (
    <div className="kiosk-step">
      <StepCount step={1} total={total} />
      <p className="kiosk__welcome">{t('kiosk.welcome')}</p>
      <KioskHeading focus={focus}>{t('kiosk.chooseLanguage')}</KioskHeading>
      {others.length > 0 && (
        <p className="kiosk__also">
          {others.map((code) => (
            <span key={code} lang={code}>
              {messages[code]['kiosk.chooseLanguage']}
            </span>
          ))}
        </p>
      )}
      <ul className="plain-list kiosk-languages">
        {languages.map((code) => (
          <li key={code}>
            <Button className="kiosk-choice" onPress={() => onChoose(code)}>
              <span lang={code}>{ownName(code)}</span>
            </Button>
          </li>
        ))}
      </ul>
      <p className="kiosk__note">{t('app.footer')}</p>
    </div>
  )
}
