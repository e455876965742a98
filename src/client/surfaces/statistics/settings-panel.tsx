import { type FormEvent, useEffect, useState } from 'react'
import { Form } from 'react-aria-components'
import { statisticsSettingsSchema } from '../../../shared/schemas/statistics'
import { useSaveStatisticsSettings, useStatisticsSettings } from '../../features/statistics/api'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { StatSection } from './stat-section'

/** The centre's threshold k (counts from 1 to k−1 withheld) and how long raw records are kept. */
export function SettingsPanel({ slug }: { slug: string }) {
  const t = useT()
  const settings = useStatisticsSettings(slug)
  const save = useSaveStatisticsSettings(slug)
  const [threshold, setThreshold] = useState('')
  const [retentionDays, setRetentionDays] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null)

  useEffect(() => {
    if (!settings.data) return
    setThreshold(String(settings.data.threshold))
    setRetentionDays(String(settings.data.retentionDays))
  }, [settings.data])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const input = { threshold: Number(threshold), retentionDays: Number(retentionDays) }
    const checked = validate(statisticsSettingsSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setNotice({ tone: 'error', text: t('error.validation') })
    save.mutate(checked.data, {
      onSuccess: () => setNotice({ tone: 'success', text: t('statistics.settings.saved') }),
      onError: (error) => {
        const failure = errorsFromApi(error, t)
        setErrors(failure.fields)
        setNotice({ tone: 'error', text: failure.message })
      },
    })
  }

  return (
    <StatSection id="settings" title={t('statistics.settings.title')}>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorMessage error={settings.error} />
      ) : (
        <Form onSubmit={submit} className="card narrow-form">
          {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
          <TextField
            label={t('statistics.settings.threshold')}
            hint={t('statistics.settings.thresholdHint', { small: '<k' })}
            inputMode="numeric"
            value={threshold}
            onChange={(value) => setThreshold(value.replace(/\D/g, ''))}
            error={fieldError(errors, 'threshold')}
            isRequired
          />
          <TextField
            label={t('statistics.settings.retentionDays')}
            hint={t('statistics.settings.retentionHint')}
            inputMode="numeric"
            value={retentionDays}
            onChange={(value) => setRetentionDays(value.replace(/\D/g, ''))}
            error={fieldError(errors, 'retentionDays')}
            isRequired
          />
          <Button type="submit" isDisabled={save.isPending}>
            {t('statistics.settings.save')}
          </Button>
        </Form>
      )}
    </StatSection>
  )
}
