import { useT } from '../../i18n/i18n-provider'
import { ApiError } from '../../lib/api-client'
import { Button } from '../../ui/button'
import { ErrorMessage } from '../../ui/states'
import { KioskHeading, StepCount } from './kiosk-heading'

type Props = {
  step: number
  total: number
  focus: boolean
  isPending: boolean
  error: unknown
  onTake: (priority: boolean) => void
  onBack: () => void
}

/**
 * One optional, self-declared need: priority. It is a choice, never a question to justify (reduced
 * mobility, pregnancy, a young child): the ticket only carries "priority", not the reason.
 */
export function NeedsStep({ step, total, focus, isPending, error, onTake, onBack }: Props) {
  const t = useT()
  return (
    <div className="kiosk-step">
      <StepCount step={step} total={total} />
      <KioskHeading focus={focus}>{t('kiosk.priorityTitle')}</KioskHeading>
      <p className="kiosk__lead">{t('kiosk.priorityText')}</p>
      {error ? (
        <div className="kiosk-needs__error">
          <ErrorMessage error={error} />
          <Button className="button kiosk-wide" onPress={onBack}>
            {error instanceof ApiError && error.status === 409 ? t('kiosk.chooseAnother') : t('kiosk.back')}
          </Button>
        </div>
      ) : (
        <div className="kiosk-needs">
          <Button className="kiosk-choice" isDisabled={isPending} onPress={() => onTake(true)}>
            {t('kiosk.priorityYes')}
          </Button>
          <Button className="kiosk-choice" isDisabled={isPending} onPress={() => onTake(false)}>
            {t('kiosk.priorityNo')}
          </Button>
        </div>
      )}
      <p role="status" className="kiosk__lead">
        {isPending ? t('kiosk.issuing') : ''}
      </p>
      {!error && (
        <div className="kiosk__nav">
          <Button variant="secondary" className="button kiosk__back" isDisabled={isPending} onPress={onBack}>
            {t('kiosk.back')}
          </Button>
        </div>
      )}
    </div>
  )
}
