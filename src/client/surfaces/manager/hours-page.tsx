import { type FormEvent, useEffect, useState } from 'react'
import { Form } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { useParams } from 'react-router'
import { weekdays } from '../../../shared/constants'
import { weeklyHoursInputSchema } from '../../../shared/schemas/centres'
import { useAreas, useCentre, useSaveHours, useWeeklyHours } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { SelectField } from '../../ui/select-field'
import { ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { ManagerPage } from './manager-layout'

type Span = { key: number; weekday: number; opensAt: string; closesAt: string }
let nextKey = 1

/** ISO weekday (1 = Monday) as a name in the interface language. */
function useWeekdayName() {
  const intl = useIntl()
  // 2024-01-01 was a Monday.
  return (weekday: number) => intl.formatDate(new Date(2024, 0, weekday), { weekday: 'long' })
}

export function HoursPage() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const centre = useCentre(slug)
  const areas = useAreas(slug)
  const text = useLocalized(centre.data?.defaultLanguage)
  const dayName = useWeekdayName()
  const [scope, setScope] = useState<string>('centre')
  const areaId = scope === 'centre' ? null : scope
  const hours = useWeeklyHours(slug, areaId)
  const save = useSaveHours(slug)
  const [spans, setSpans] = useState<Span[]>([])
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null)

  useEffect(() => {
    if (hours.data) setSpans(hours.data.spans.map((span) => ({ ...span, key: nextKey++ })))
    setErrors({})
  }, [hours.data])

  const update = (key: number, patch: Partial<Span>) =>
    setSpans((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)))
  const errorOf = (span: Span, field: 'opensAt' | 'closesAt') =>
    errors[`spans.${spans.indexOf(span)}.${field}`]

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const input = { areaId, spans: spans.map(({ key: _, ...span }) => span) }
    const checked = validate(weeklyHoursInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setNotice({ tone: 'error', text: t('error.validation') })
    save.mutate(checked.data, {
      onSuccess: () => setNotice({ tone: 'success', text: t('manager.hoursSaved') }),
      onError: (error) => {
        const failure = errorsFromApi(error, t)
        setErrors(failure.fields)
        setNotice({ tone: 'error', text: failure.message })
      },
    })
  }

  return (
    <ManagerPage title={t('manager.hours')}>
      <p className="muted">{t('manager.hoursIntro')}</p>
      <SelectField
        label={t('manager.hoursFor')}
        value={scope}
        onChange={(value) => {
          setScope(value)
          setNotice(null)
        }}
        options={[
          { id: 'centre', label: t('manager.wholeCentre') },
          ...(areas.data ?? []).map((area) => ({ id: area.id, label: text(area.name) })),
        ]}
      />
      {areaId && <p className="muted">{t('manager.areaHoursHint')}</p>}
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {hours.isPending ? (
        <Loading />
      ) : hours.isError ? (
        <ErrorMessage error={hours.error} />
      ) : (
        <Form onSubmit={submit} className="card">
          {weekdays.map((weekday) => {
            const daySpans = spans.filter((span) => span.weekday === weekday)
            return (
              <fieldset key={weekday} className="day-row">
                <legend className="visually-hidden">{dayName(weekday)}</legend>
                <strong aria-hidden="true">{dayName(weekday)}</strong>
                <div className="stack">
                  {daySpans.length === 0 && (
                    <span className="muted">
                      {areaId && spans.length === 0 ? t('manager.followsCentreDay') : t('manager.closedDay')}
                    </span>
                  )}
                  {daySpans.map((span) => (
                    <div key={span.key} className="span-row">
                      <TextField
                        label={t('manager.opensAt')}
                        type="time"
                        value={span.opensAt}
                        onChange={(v) => update(span.key, { opensAt: v })}
                        error={errorOf(span, 'opensAt')}
                      />
                      <TextField
                        label={t('manager.closesAt')}
                        type="time"
                        value={span.closesAt}
                        onChange={(v) => update(span.key, { closesAt: v })}
                        error={errorOf(span, 'closesAt')}
                      />
                      <Button
                        variant="quiet"
                        aria-label={t('manager.removeSpan', {
                          day: dayName(weekday),
                          opens: span.opensAt,
                          closes: span.closesAt,
                        })}
                        onPress={() => setSpans((all) => all.filter((s) => s.key !== span.key))}
                      >
                        {t('manager.remove')}
                      </Button>
                    </div>
                  ))}
                  <div>
                    <Button
                      variant="secondary"
                      aria-label={t('manager.addSpanFor', { day: dayName(weekday) })}
                      onPress={() =>
                        setSpans((all) => [
                          ...all,
                          {
                            key: nextKey++,
                            weekday,
                            opensAt: daySpans.length ? '14:00' : '09:00',
                            closesAt: daySpans.length ? '17:00' : '12:30',
                          },
                        ])
                      }
                    >
                      {t('manager.addSpan')}
                    </Button>
                  </div>
                </div>
              </fieldset>
            )
          })}
          <div className="cluster spaced">
            <Button type="submit" isDisabled={save.isPending}>
              {t('manager.saveWeek')}
            </Button>
          </div>
        </Form>
      )}
    </ManagerPage>
  )
}
