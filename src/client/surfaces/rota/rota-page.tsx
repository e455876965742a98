import { type FormEvent, useEffect, useRef, useState } from 'react'
import { Form } from 'react-aria-components'
import { useParams } from 'react-router'
import { contentLanguages } from '../../../shared/i18n/locales'
import { expertises, type Shift, shiftInputSchema } from '../../../shared/schemas/rota'
import type { Me } from '../../../shared/schemas/staff'
import { useAreas, useCentre } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { usePartners } from '../../features/events/api'
import { useStaffPartner } from '../../features/partners/api'
import { useResourceLabels } from '../../features/resources/labels'
import {
  useExpertiseLabel,
  useRemoveShift,
  useSaveShift,
  useShiftAbsence,
  useShifts,
} from '../../features/rota/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { CheckboxGroup } from '../../ui/checkbox-group'
import { SelectField } from '../../ui/select-field'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { hasCentreRole, StaffPage } from '../staff/staff-shell'
import './rota.css'

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const
const NOBODY = 'none'

/** A weekday's name in the interface language, from its ISO number (1 = Monday). */
export function useWeekdayName() {
  const { locale } = useLocale()
  return (weekday: number) =>
    new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, weekday)),
    )
}

/**
 * The duty rota for staff: who staffs which area, with which expertise and languages, when — weekly
 * shifts by weekday and one-off ones by date. Managers add any; a partner coordinator their partner's.
 */
export function RotaPage() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const shifts = useShifts(slug)
  const [editing, setEditing] = useState<Shift | null>(null)
  return (
    <StaffPage title={t('rota.title')} roles={['counsellor', 'partner_coordinator', 'manager']}>
      {(me) => (
        <div className="stack">
          <p className="muted">{t('rota.intro')}</p>
          {shifts.isPending ? (
            <Loading />
          ) : shifts.isError ? (
            <ErrorMessage error={shifts.error} />
          ) : (
            <ShiftTable slug={slug} shifts={shifts.data} onEdit={setEditing} />
          )}
          {hasCentreRole(me, slug, ['manager', 'partner_coordinator']) && (
            <ShiftForm
              key={editing?.id ?? 'new'}
              slug={slug}
              me={me}
              shift={editing}
              onDone={() => setEditing(null)}
            />
          )}
        </div>
      )}
    </StaffPage>
  )
}

function ShiftTable({
  slug,
  shifts,
  onEdit,
}: {
  slug: string
  shifts: Shift[]
  onEdit: (shift: Shift) => void
}) {
  const t = useT()
  const centre = useCentre(slug)
  const areas = useAreas(slug)
  const text = useLocalized(centre.data?.defaultLanguage)
  const expertise = useExpertiseLabel()
  const weekday = useWeekdayName()
  const language = useResourceLabels().language
  const remove = useRemoveShift(slug)
  const absence = useShiftAbsence(slug)
  const [offDay, setOffDay] = useState<Record<string, string>>({})
  if (shifts.length === 0)
    return (
      <EmptyState title={t('rota.emptyTitle')}>
        <p>{t('rota.emptyText')}</p>
      </EmptyState>
    )
  const areaName = (id: string) => text(areas.data?.find((a) => a.id === id)?.name)
  return (
    <>
      {(remove.isError || absence.isError) && <ErrorMessage error={remove.error ?? absence.error} />}
      <table className="table rota-table">
        <caption className="visually-hidden">{t('rota.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rota.when')}</th>
            <th scope="col">{t('rota.area')}</th>
            <th scope="col">{t('rota.expertise')}</th>
            <th scope="col">{t('rota.who')}</th>
            <th scope="col">{t('manager.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {shifts.map((shift) => {
            const when = shift.weekday
              ? t('rota.everyWeek', { day: weekday(shift.weekday), from: shift.startsAt, to: shift.endsAt })
              : t('rota.once', { date: shift.onDate ?? '', from: shift.startsAt, to: shift.endsAt })
            return (
              <tr key={shift.id}>
                <td>
                  {when}
                  {shift.absences.length > 0 && (
                    <ul className="plain-list">
                      {shift.absences.map((date) => (
                        <li key={date} className="cluster">
                          <span className="muted">{t('rota.absences', { dates: date })}</span>
                          {shift.canEdit && (
                            <Button
                              variant="quiet"
                              aria-label={t('rota.holdAgainNamed', { when, date })}
                              isDisabled={absence.isPending}
                              onPress={() => absence.mutate({ id: shift.id, date, absent: false })}
                            >
                              {t('rota.holdAgain')}
                            </Button>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{areaName(shift.areaId)}</td>
                <td>
                  {expertise(shift.expertise)}
                  <br />
                  <span className="muted">{shift.languages.map(language).join(', ')}</span>
                </td>
                <td>
                  {shift.partnerName ?? '—'}
                  {shift.counsellorName && (
                    <>
                      <br />
                      <span className="muted">{shift.counsellorName}</span>
                    </>
                  )}
                </td>
                <td>
                  {shift.canEdit && (
                    <div className="stack rota-actions">
                      {shift.weekday && (
                        <span className="cluster">
                          <input
                            type="date"
                            aria-label={t('rota.offDayNamed', { when })}
                            value={offDay[shift.id] ?? ''}
                            onChange={(event) => setOffDay({ ...offDay, [shift.id]: event.target.value })}
                          />
                          <Button
                            variant="secondary"
                            isDisabled={!offDay[shift.id] || absence.isPending}
                            onPress={() =>
                              absence.mutate({ id: shift.id, date: offDay[shift.id] ?? '', absent: true })
                            }
                          >
                            {t('rota.markOff')}
                          </Button>
                        </span>
                      )}
                      <Button
                        variant="secondary"
                        aria-label={t('rota.editNamed', { when })}
                        onPress={() => onEdit(shift)}
                      >
                        {t('rota.change')}
                      </Button>
                      <Button
                        variant="danger"
                        aria-label={t('rota.removeNamed', { when })}
                        isDisabled={remove.isPending}
                        onPress={() => {
                          if (window.confirm(t('rota.confirmRemove', { when }))) remove.mutate(shift.id)
                        }}
                      >
                        {t('manager.remove')}
                      </Button>
                    </div>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}

type Draft = {
  areaId: string
  partnerId: string
  counsellorId: string
  expertise: string
  languages: string[]
  repeat: 'weekly' | 'once'
  weekday: string
  onDate: string
  startsAt: string
  endsAt: string
  validFrom: string
  validUntil: string
}

/** A shift to add or change: where, which advice, who, and when (every week, or once). */
function ShiftForm({
  slug,
  me,
  shift,
  onDone,
}: {
  slug: string
  me: Me
  shift: Shift | null
  onDone: () => void
}) {
  const t = useT()
  const centre = useCentre(slug)
  const areas = useAreas(slug)
  const partners = usePartners(slug)
  const text = useLocalized(centre.data?.defaultLanguage)
  const expertise = useExpertiseLabel()
  const weekday = useWeekdayName()
  const language = useResourceLabels().language
  const save = useSaveShift(slug)
  const own = me.centres.find((c) => c.slug === slug)
  const isManager = me.isNetworkAdmin || Boolean(own?.roles.includes('manager'))
  const [draft, setDraft] = useState<Draft>(
    shift
      ? {
          areaId: shift.areaId,
          partnerId: shift.partnerId ?? '',
          counsellorId: shift.counsellorId ?? NOBODY,
          expertise: shift.expertise,
          languages: shift.languages,
          repeat: shift.weekday ? 'weekly' : 'once',
          weekday: String(shift.weekday ?? 2),
          onDate: shift.onDate ?? '',
          startsAt: shift.startsAt,
          endsAt: shift.endsAt,
          validFrom: shift.validFrom ?? '',
          validUntil: shift.validUntil ?? '',
        }
      : {
          areaId: '',
          partnerId: isManager ? '' : (own?.partnerId ?? ''),
          counsellorId: NOBODY,
          expertise: 'general_guidance',
          languages: [centre.data?.defaultLanguage ?? 'fr'],
          repeat: 'weekly',
          weekday: '2',
          onDate: '',
          startsAt: '10:00',
          endsAt: '13:00',
          validFrom: '',
          validUntil: '',
        },
  )
  const [saved, setSaved] = useState(false)
  // Changing a shift brings its form into view, its heading focused for screen readers.
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (!shift) return
    heading.current?.scrollIntoView({ block: 'start' })
    heading.current?.focus()
  }, [shift])
  const partner = useStaffPartner(slug, draft.partnerId || undefined)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    const input = {
      areaId: draft.areaId,
      partnerId: draft.partnerId || null,
      counsellorId: draft.counsellorId === NOBODY ? null : draft.counsellorId,
      expertise: draft.expertise,
      languages: draft.languages,
      weekday: draft.repeat === 'weekly' ? Number(draft.weekday) : null,
      onDate: draft.repeat === 'once' ? draft.onDate : null,
      startsAt: draft.startsAt,
      endsAt: draft.endsAt,
      validFrom: draft.repeat === 'weekly' && draft.validFrom ? draft.validFrom : null,
      validUntil: draft.repeat === 'weekly' && draft.validUntil ? draft.validUntil : null,
    }
    const checked = validate(shiftInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setMessage(t('error.validation'))
    save.mutate(
      { id: shift?.id, input: checked.data },
      {
        onSuccess: () => {
          setMessage(null)
          setSaved(true)
          if (shift) onDone()
        },
        onError: (error) => {
          const failure = errorsFromApi(error, t)
          setErrors(failure.fields)
          setMessage(failure.message)
        },
      },
    )
  }

  return (
    <section className="card" aria-labelledby="shift-form">
      <h2 id="shift-form" ref={heading} tabIndex={-1}>
        {shift ? t('rota.edit') : t('rota.add')}
      </h2>
      {message && <Alert tone="error">{message}</Alert>}
      {saved && !message && <Alert tone="success">{t('rota.added')}</Alert>}
      <Form onSubmit={submit}>
        <div className="field-row">
          <SelectField
            label={t('rota.area')}
            value={draft.areaId || null}
            onChange={(v) => set('areaId', v)}
            error={fieldError(errors, 'areaId')}
            options={(areas.data ?? []).map((area) => ({ id: area.id, label: text(area.name) }))}
            isRequired
          />
          <SelectField
            label={t('rota.expertise')}
            value={draft.expertise}
            onChange={(v) => set('expertise', v)}
            options={expertises.map((value) => ({ id: value, label: expertise(value) }))}
          />
        </div>
        <div className="field-row">
          {isManager ? (
            <SelectField
              label={t('rota.partner')}
              value={draft.partnerId || NOBODY}
              onChange={(v) =>
                setDraft((d) => ({ ...d, partnerId: v === NOBODY ? '' : v, counsellorId: NOBODY }))
              }
              error={fieldError(errors, 'partnerId')}
              options={[
                { id: NOBODY, label: t('rota.noPartner') },
                ...(partners.data ?? []).map((p) => ({ id: p.id, label: p.name })),
              ]}
            />
          ) : null}
          <SelectField
            label={t('rota.counsellor')}
            value={draft.counsellorId}
            onChange={(v) => set('counsellorId', v)}
            error={fieldError(errors, 'counsellorId')}
            options={[
              { id: NOBODY, label: t('rota.noCounsellor') },
              ...(partner.data?.counsellors ?? []).map((c) => ({ id: c.userId, label: c.name })),
            ]}
          />
        </div>
        <CheckboxGroup
          label={t('rota.languages')}
          options={[...new Set([...(centre.data?.languages ?? []), ...contentLanguages])].map((code) => ({
            id: code,
            label: language(code),
          }))}
          value={draft.languages}
          onChange={(v) => set('languages', v)}
          error={fieldError(errors, 'languages')}
        />
        <div className="field-row">
          <SelectField
            label={t('rota.repeat')}
            value={draft.repeat}
            onChange={(v) => set('repeat', v as Draft['repeat'])}
            options={[
              { id: 'weekly', label: t('rota.weekly') },
              { id: 'once', label: t('rota.onceOption') },
            ]}
          />
          {draft.repeat === 'weekly' ? (
            <SelectField
              label={t('rota.weekday')}
              value={draft.weekday}
              onChange={(v) => set('weekday', v)}
              error={fieldError(errors, 'weekday')}
              options={WEEKDAYS.map((day) => ({ id: String(day), label: weekday(day) }))}
            />
          ) : (
            <TextField
              label={t('rota.date')}
              type="date"
              value={draft.onDate}
              onChange={(v) => set('onDate', v)}
              error={fieldError(errors, 'onDate') ?? fieldError(errors, 'weekday')}
              isRequired
            />
          )}
          <TextField
            label={t('rota.startsAt')}
            type="time"
            value={draft.startsAt}
            onChange={(v) => set('startsAt', v)}
            error={fieldError(errors, 'startsAt')}
          />
          <TextField
            label={t('rota.endsAt')}
            type="time"
            value={draft.endsAt}
            onChange={(v) => set('endsAt', v)}
            error={fieldError(errors, 'endsAt')}
          />
        </div>
        {draft.repeat === 'weekly' && (
          <div className="field-row">
            <TextField
              label={t('rota.validFrom')}
              type="date"
              value={draft.validFrom}
              onChange={(v) => set('validFrom', v)}
              error={fieldError(errors, 'validFrom')}
            />
            <TextField
              label={t('rota.validUntil')}
              type="date"
              value={draft.validUntil}
              onChange={(v) => set('validUntil', v)}
              error={fieldError(errors, 'validUntil')}
            />
          </div>
        )}
        <div className="cluster">
          <Button type="submit" isDisabled={save.isPending}>
            {shift ? t('manager.save') : t('rota.addSubmit')}
          </Button>
          {shift && (
            <Button variant="secondary" onPress={onDone}>
              {t('manager.cancel')}
            </Button>
          )}
        </div>
      </Form>
    </section>
  )
}
