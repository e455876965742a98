import { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { useParams } from 'react-router'
import type { MessageKey } from '../../../shared/i18n/messages'
import type { Area, AreaDayInput } from '../../../shared/schemas/centres'
import type { ActiveTicket, IssuedTicket, QueueArea } from '../../../shared/schemas/tickets'
import { useAreas, useCentre, useDesks } from '../../features/centres/api'
import { languageName } from '../../features/centres/localized-fields'
import { useLocalized } from '../../features/centres/use-localized'
import {
  useIssueTicket,
  useQueue,
  useSetAreaDay,
  useTicketAction,
  useWalkInBoard,
} from '../../features/walk-in/api'
import { ProfilePanel } from '../../features/walk-in/profile-panel'
import { useStaffLive } from '../../features/walk-in/use-staff-live'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { Checkbox } from '../../ui/checkbox'
import { SelectField } from '../../ui/select-field'
import { ErrorMessage, Loading } from '../../ui/states'
import { StaffPage } from '../staff/staff-shell'
import '../desk/desk.css'
import './reception.css'

export function ReceptionPage() {
  const t = useT()
  return (
    <StaffPage title={t('surface.reception')} roles={['reception', 'counsellor', 'manager']}>
      {() => <ReceptionConsole />}
    </StaffPage>
  )
}

function ReceptionConsole() {
  const { centre: slug = '' } = useParams()
  const t = useT()
  const centre = useCentre(slug)
  const areas = useAreas(slug)
  const live = useStaffLive(slug)
  if (centre.isPending || areas.isPending) return <Loading />
  const failed = centre.error ?? areas.error
  if (failed || !centre.data || !areas.data) return <ErrorMessage error={failed} />
  return (
    <div className="reception-layout">
      {live !== 'open' && (
        <p className="live-status" role="status">
          {t('live.reconnecting')}
        </p>
      )}
      <IssueForm
        slug={slug}
        areas={areas.data}
        languages={centre.data.languages}
        defaultLanguage={centre.data.defaultLanguage}
      />
      <Queues slug={slug} areas={areas.data} defaultLanguage={centre.data.defaultLanguage} />
      <TicketsInPlay slug={slug} areas={areas.data} defaultLanguage={centre.data.defaultLanguage} />
    </div>
  )
}

/**
 * Issuing a ticket for a visitor at the desk, as fast as typing: the area's letter picks the area,
 * Enter issues. Nothing about the person is asked.
 */
function IssueForm(props: { slug: string; areas: Area[]; languages: string[]; defaultLanguage: string }) {
  const t = useT()
  const intl = useIntl()
  const text = useLocalized(props.defaultLanguage)
  const issue = useIssueTicket(props.slug)
  const [area, setArea] = useState<string | null>(null)
  const [language, setLanguage] = useState(props.defaultLanguage)
  const [priority, setPriority] = useState(false)
  const [issued, setIssued] = useState<IssuedTicket | null>(null)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      if (event.altKey || event.ctrlKey || event.metaKey) return
      if (target?.closest('input, textarea, select, [role="listbox"], [role="combobox"]')) return
      const chosen = props.areas.find((a) => a.ticketLetter.toLowerCase() === event.key.toLowerCase())
      if (chosen) {
        setArea(chosen.slug)
        document.getElementById(`issue-area-${chosen.slug}`)?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [props.areas])

  const submit = () => {
    if (!area) return
    issue.mutate(
      { area, language: language as 'fr', priority, channel: 'reception' },
      {
        onSuccess: (ticket) => {
          setIssued(ticket)
          setArea(null)
          setPriority(false)
          setLanguage(props.defaultLanguage)
        },
      },
    )
  }

  return (
    <section className="card stack reception-issue" aria-labelledby="issue-title">
      <h2 id="issue-title">{t('reception.issueTitle')}</h2>
      <p className="muted">{t('reception.issueHint')}</p>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
      >
        <fieldset className="area-picker">
          <legend>{t('reception.area')}</legend>
          {props.areas.map((a) => (
            <label key={a.id} className="area-choice" data-selected={area === a.slug || undefined}>
              <input
                id={`issue-area-${a.slug}`}
                type="radio"
                name="area"
                value={a.slug}
                checked={area === a.slug}
                onChange={() => setArea(a.slug)}
                aria-keyshortcuts={a.ticketLetter}
              />
              <span className="area-choice__letter" style={{ background: a.colour }} aria-hidden="true">
                {a.ticketLetter}
              </span>
              {text(a.name)}
            </label>
          ))}
        </fieldset>
        <div className="field-row">
          <SelectField
            label={t('reception.language')}
            value={language}
            onChange={setLanguage}
            options={props.languages.map((code) => ({ id: code, label: languageName(code, intl.locale) }))}
          />
          <Checkbox isSelected={priority} onChange={setPriority}>
            {t('reception.priority')}
          </Checkbox>
        </div>
        {issue.isError && <ErrorMessage error={issue.error} />}
        <div className="cluster">
          <Button type="submit" isDisabled={!area || issue.isPending}>
            {t('reception.issue')}
          </Button>
        </div>
      </form>
      {issued && (
        <div className="alert issued" data-tone="success" role="status">
          <p>
            {t('reception.issued', { area: text(props.areas.find((a) => a.slug === issued.area)?.name) })}
          </p>
          <p className="ticket-code ticket-code--large">{issued.code}</p>
          <p>
            {t('reception.issuedWait', {
              position: issued.position,
              min: issued.estimatedWait.minMinutes,
              max: issued.estimatedWait.maxMinutes,
            })}
          </p>
          <ProfilePanel key={issued.id} ticketId={issued.id} />
        </div>
      )}
    </section>
  )
}

function Queues(props: { slug: string; areas: Area[]; defaultLanguage: string }) {
  const t = useT()
  const text = useLocalized(props.defaultLanguage)
  const queue = useQueue(props.slug)
  const setDay = useSetAreaDay(props.slug)
  return (
    <section className="card reception-queues" aria-labelledby="queues-title">
      <h2 id="queues-title">{t('reception.queuesTitle')}</h2>
      <p className="muted">{t('reception.dayHint')}</p>
      {setDay.isError && <ErrorMessage error={setDay.error} />}
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorMessage error={queue.error} />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('reception.area')}</th>
              <th scope="col">{t('reception.waiting')}</th>
              <th scope="col">{t('reception.desksOpen')}</th>
              <th scope="col">{t('reception.estimate')}</th>
              <th scope="col">{t('reception.today')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.map((row) => {
              const area = props.areas.find((a) => a.slug === row.area)
              const name = text(area?.name)
              return (
                <tr key={row.area}>
                  <th scope="row">
                    {area?.ticketLetter} · {name}
                    {!row.isOpen && <span className="badge">{t('reception.closed')}</span>}
                  </th>
                  <td>{row.waiting}</td>
                  <td>{row.desksOpen}</td>
                  <td>
                    {t('reception.minutes', {
                      min: row.estimatedWait.minMinutes,
                      max: row.estimatedWait.maxMinutes,
                    })}
                  </td>
                  <td>
                    <AreaDayControl
                      row={row}
                      name={name}
                      isPending={setDay.isPending}
                      onChange={(state) => setDay.mutate({ area: row.area, state })}
                    />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}

/**
 * Closing an area for the rest of the day (the queue is long enough to fill it) or opening one outside
 * its hours; either decision shows as such and can be undone, which hands the area back to its hours.
 */
function AreaDayControl(props: {
  row: QueueArea
  name: string
  isPending: boolean
  onChange: (state: AreaDayInput['state']) => void
}) {
  const t = useT()
  const { row, name } = props
  if (row.dayOverride) {
    return (
      <div className="cluster area-day">
        <span className="badge" data-tone={row.dayOverride === 'closed' ? 'closed' : 'open'}>
          {t(row.dayOverride === 'closed' ? 'reception.closedForToday' : 'reception.openedForToday')}
        </span>
        <Button
          variant="secondary"
          isDisabled={props.isPending}
          aria-label={t('reception.backToHoursNamed', { area: name })}
          onPress={() => props.onChange('scheduled')}
        >
          {t('reception.backToHours')}
        </Button>
      </div>
    )
  }
  const closing = row.isOpen
  return (
    <Button
      variant="secondary"
      isDisabled={props.isPending}
      aria-label={t(closing ? 'reception.closeTodayNamed' : 'reception.openTodayNamed', { area: name })}
      onPress={() => props.onChange(closing ? 'closed' : 'open')}
    >
      {t(closing ? 'reception.closeToday' : 'reception.openToday')}
    </Button>
  )
}

function TicketsInPlay(props: { slug: string; areas: Area[]; defaultLanguage: string }) {
  const t = useT()
  const intl = useIntl()
  const text = useLocalized(props.defaultLanguage)
  const board = useWalkInBoard(props.slug)
  const desks = useDesks(props.slug)
  const act = useTicketAction(props.slug)
  const areaName = (slug: string) => text(props.areas.find((a) => a.slug === slug)?.name)
  const deskName = (id: string | null) => desks.data?.find((d) => d.id === id)?.name ?? ''

  const cancel = (ticket: ActiveTicket) => {
    if (window.confirm(t('reception.confirmCancel', { code: ticket.code })))
      act.mutate({ id: ticket.id, action: 'cancel' })
  }
  const move = (ticket: ActiveTicket, area: string) =>
    act.mutate({ id: ticket.id, action: 'transfer', transfer: { area, keepArrival: true } })

  return (
    <section className="card reception-tickets" aria-labelledby="tickets-title">
      <h2 id="tickets-title">{t('reception.ticketsTitle')}</h2>
      {act.isError && <ErrorMessage error={act.error} />}
      {board.isPending ? (
        <Loading />
      ) : board.isError ? (
        <ErrorMessage error={board.error} />
      ) : board.data.tickets.length === 0 ? (
        <p className="muted">{t('reception.noTickets')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('reception.code')}</th>
              <th scope="col">{t('reception.area')}</th>
              <th scope="col">{t('reception.language')}</th>
              <th scope="col">{t('reception.status')}</th>
              <th scope="col">{t('reception.since')}</th>
              <th scope="col">{t('reception.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {board.data.tickets.map((ticket) => (
              <tr key={ticket.id}>
                <th scope="row" className="ticket-code">
                  {ticket.code}
                  {ticket.priority && <span className="badge">{t('desk.priority')}</span>}
                </th>
                <td>{areaName(ticket.area)}</td>
                <td>{languageName(ticket.language, intl.locale)}</td>
                <td>
                  {t(`desk.status.${ticket.status}` as MessageKey)}
                  {ticket.desk && ` · ${deskName(ticket.desk)}`}
                </td>
                <td>{intl.formatTime(new Date(ticket.queuedAt), { timeStyle: 'short' })}</td>
                <td>
                  <span className="cluster">
                    {ticket.status === 'waiting' && (
                      <SelectField
                        label={t('reception.moveNamed', { code: ticket.code })}
                        value=""
                        onChange={(area) => area && move(ticket, area)}
                        options={props.areas
                          .filter((a) => a.slug !== ticket.area)
                          .map((a) => ({ id: a.slug, label: text(a.name) }))}
                      />
                    )}
                    {(ticket.status === 'waiting' || ticket.status === 'called') && (
                      <Button
                        variant="danger"
                        aria-label={t('reception.cancelNamed', { code: ticket.code })}
                        onPress={() => cancel(ticket)}
                        isDisabled={act.isPending}
                      >
                        {t('reception.cancel')}
                      </Button>
                    )}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
