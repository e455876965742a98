import { ToggleButton } from 'react-aria-components'
import { useLocale, useT } from '../i18n/i18n-provider'

/** "Easy to read": short sentences and bigger type, for anyone who reads with difficulty. */
export function EasyReadSwitch({ className = 'easy-read-switch' }: { className?: string }) {
  const t = useT()
  const { easyRead, setEasyRead } = useLocale()
  return (
    <ToggleButton className={className} isSelected={easyRead} onChange={setEasyRead}>
      <span aria-hidden="true" className="easy-read-switch__mark">
        Aa
      </span>
      {t('ui.easyRead')}
    </ToggleButton>
  )
}
