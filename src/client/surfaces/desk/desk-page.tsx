import { useState } from 'react'
import { useIntl } from 'react-intl'
import { useParams } from 'react-router'
import type { Area, Desk } from '../../../shared/schemas/centres'
import type { ActiveTicket, OpenDeskSessionInput, WalkInBoard } from '../../../shared/schemas/tickets'
import { useAreas, useCentre, useDesks } from '../../features/centres/api'
import { languageName } from '../../features/centres/localized-fields'
import { useLocalized } from '../../features/centres/use-localized'
import {
  useCallNext,
  useCloseDeskSession,
  useOpenDeskSession,
  useTicketAction,
  useWalkInBoard,
} from '../../features/walk-in/api'
import { useStaffLive } from '../../features/walk-in/use-staff-live'
import { useT } from '../../i18n/i18n-provider'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { CheckboxGroup } from '../../ui/checkbox-group'
import { SelectField } from '../../ui/select-field'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { DeskQuestions } from '../questions/desk-questions'
import { StaffPage } from '../staff/staff-shell'
import { CurrentTicket } from './current-ticket'
import { NotebookPanel } from './notebook-panel'
import './desk.css'

/** The desk this browser last sat at, per centre: a counsellor coming back finds their session. */
const deskMemory = {
  read: (slug: string) => localStorage.getItem(`cite.desk.${slug}`),
  write: (slug: string, desk: string | null) =>
    desk ? localStorage.setItem(`cite.desk.${slug}`, desk) : localStorage.removeItem(`cite.desk.${slug}`),
}

export function DeskPage() {
  const t = useT()
  return (
    <StaffPage title={t('surface.desk')} roles={['counsellor', 'manager']}>
      {() => (
        <>
          <DeskConsole />
          <DeskQuestions />
        </>
      )}
    </StaffPage>
  )
}

function DeskConsole() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const centre = useCentre(slug)
  const areas = useAreas(slug)
  const desks = useDesks(slug)
  const board = useWalkInBoard(slug)
  const live = useStaffLive(slug)
  const [deskId, setDeskId] = useState<string | null>(() => deskMemory.read(slug))

  if (centre.isPending || areas.isPending || desks.isPending || board.isPending) return <Loading />
  const failed = centre.error ?? areas.error ?? desks.error ?? board.error
  if (failed) return <ErrorMessage error={failed} />
  if (!centre.data || !areas.data || !desks.data || !board.data) return <Loading />
  if (desks.data.length === 0)
    return (
      <>
        <EmptyState title={t('desk.noDesks')} />
        <NotebookPanel slug={slug} />
      </>
    )

  const session = board.data.sessions.find((s) => s.desk === deskId)
  const desk = desks.data.find((d) => d.id === deskId)
  const choose = (id: string | null) => {
    deskMemory.write(slug, id)
    setDeskId(id)
  }
  return (
    <>
      {live !== 'open' && (
        <p className="live-status" role="status">
          {t('live.reconnecting')}
        </p>
      )}
      {session && desk ? (
        <DeskSession
          slug={slug}
          desk={desk}
          desks={desks.data}
          areas={areas.data}
          board={board.data}
          session={session}
          defaultLanguage={centre.data.defaultLanguage}
          onClosed={() => choose(null)}
        />
      ) : (
        <OpenSessionForm
          slug={slug}
          desks={desks.data}
          areas={areas.data}
          languages={centre.data.languages}
          defaultLanguage={centre.data.defaultLanguage}
          initialDesk={deskId}
          onOpened={choose}
        />
      )}
      <NotebookPanel slug={slug} />
    </>
  )
}

function OpenSessionForm(props: {
  slug: string
  desks: Desk[]
  areas: Area[]
  languages: string[]
  defaultLanguage: string
  initialDesk: string | null
  onOpened: (desk: string) => void
}) {
  const t = useT()
  const intl = useIntl()
  const text = useLocalized(props.defaultLanguage)
  const open = useOpenDeskSession(props.slug)
  const firstDesk = props.desks.find((d) => d.id === props.initialDesk) ?? props.desks[0]
  const [desk, setDesk] = useState(firstDesk?.id ?? '')
  const areasOf = (id: string) => {
    const usual = props.desks.find((d) => d.id === id)?.areaIds ?? []
    return props.areas.filter((a) => usual.includes(a.id)).map((a) => a.slug)
  }
  const [areas, setAreas] = useState<string[]>(() => areasOf(firstDesk?.id ?? ''))
  const [languages, setLanguages] = useState<string[]>(props.languages)
  const [error, setError] = useState<string | null>(null)

  const submit = () => {
    if (areas.length === 0) return setError(t('desk.chooseAreas'))
    if (languages.length === 0) return setError(t('desk.chooseLanguages'))
    setError(null)
    open.mutate(
      { desk, input: { areas, languages: languages as OpenDeskSessionInput['languages'] } },
      { onSuccess: () => props.onOpened(desk) },
    )
  }

  return (
    <form
      className="card stack desk-open"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <h2>{t('desk.openTitle')}</h2>
      <p className="muted">{t('desk.openIntro')}</p>
      {error && <Alert tone="error">{error}</Alert>}
      {open.isError && <ErrorMessage error={open.error} />}
      <SelectField
        label={t('desk.desk')}
        value={desk}
        onChange={(id) => {
          setDesk(id)
          setAreas(areasOf(id))
        }}
        options={props.desks.map((d) => ({ id: d.id, label: d.name }))}
      />
      <CheckboxGroup
        label={t('desk.areasServed')}
        value={areas}
        onChange={setAreas}
        options={props.areas.map((a) => ({ id: a.slug, label: `${a.ticketLetter} · ${text(a.name)}` }))}
      />
      <CheckboxGroup
        label={t('desk.languagesServed')}
        value={languages}
        onChange={setLanguages}
        options={props.languages.map((code) => ({ id: code, label: languageName(code, intl.locale) }))}
      />
      <div className="cluster">
        <Button type="submit" isDisabled={open.isPending}>
          {t('desk.open')}
        </Button>
      </div>
    </form>
  )
}

function DeskSession(props: {
  slug: string
  desk: Desk
  desks: Desk[]
  areas: Area[]
  board: WalkInBoard
  session: WalkInBoard['sessions'][number]
  defaultLanguage: string
  onClosed: () => void
}) {
  const t = useT()
  const intl = useIntl()
  const text = useLocalized(props.defaultLanguage)
  const callNext = useCallNext(props.slug)
  const close = useCloseDeskSession(props.slug)
  const [nobody, setNobody] = useState(false)
  const { desk, session, board } = props
  const areaName = (slug: string) => text(props.areas.find((a) => a.slug === slug)?.name) || slug

  const current = board.tickets.find(
    (ticket) => ticket.desk === desk.id && (ticket.status === 'called' || ticket.status === 'in_service'),
  )
  const serveable = (ticket: ActiveTicket) =>
    ticket.status === 'waiting' &&
    session.languages.includes(ticket.language) &&
    (ticket.targetDesk === desk.id || (ticket.targetDesk === null && session.areas.includes(ticket.area)))
  const waiting = board.tickets.filter(serveable)

  return (
    <div className="desk-layout">
      <section className="card desk-session" aria-labelledby="desk-session-title">
        <h2 id="desk-session-title">{desk.name}</h2>
        <p>
          {t('desk.serving', {
            areas: session.areas.map(areaName).join(', '),
            languages: session.languages.map((code) => languageName(code, intl.locale)).join(', '),
          })}
        </p>
        <Button
          variant="secondary"
          isDisabled={Boolean(current) || close.isPending}
          onPress={() => close.mutate(desk.id, { onSuccess: props.onClosed })}
        >
          {t('desk.close')}
        </Button>
      </section>

      <section className="desk-current" aria-labelledby="desk-current-title">
        <h2 id="desk-current-title">{t('desk.currentTitle')}</h2>
        {callNext.isError && <ErrorMessage error={callNext.error} />}
        {current ? (
          <CurrentTicket
            key={current.id}
            slug={props.slug}
            ticketId={current.id}
            deskId={desk.id}
            desks={props.desks}
            areas={props.areas}
            areaName={areaName}
          />
        ) : (
          <div className="card stack">
            <Button
              className="button desk-call"
              isDisabled={callNext.isPending}
              onPress={() =>
                callNext.mutate(desk.id, { onSuccess: (ticket) => setNobody(ticket === undefined) })
              }
            >
              {t('desk.callNext')}
            </Button>
            {nobody && (
              <p role="status" className="muted">
                {t('desk.nobodyWaiting')}
              </p>
            )}
          </div>
        )}
      </section>

      <section className="card desk-queue" aria-labelledby="desk-queue-title">
        <h2 id="desk-queue-title">{t('desk.queueTitle', { count: waiting.length })}</h2>
        {waiting.length === 0 ? (
          <p className="muted">{t('desk.queueEmpty')}</p>
        ) : (
          <WaitingList
            slug={props.slug}
            tickets={waiting}
            deskId={desk.id}
            canCall={!current}
            areaName={areaName}
          />
        )}
      </section>
    </div>
  )
}

function WaitingList(props: {
  slug: string
  tickets: ActiveTicket[]
  deskId: string
  canCall: boolean
  areaName: (slug: string) => string
}) {
  const t = useT()
  const intl = useIntl()
  const queryAction = useTicketAction(props.slug)
  return (
    <>
      {queryAction.isError && <ErrorMessage error={queryAction.error} />}
      <ol className="ticket-list">
        {props.tickets.map((ticket) => (
          <li key={ticket.id} className="ticket-row">
            <strong className="ticket-code">{ticket.code}</strong>
            <span>{props.areaName(ticket.area)}</span>
            <span>{languageName(ticket.language, intl.locale)}</span>
            {ticket.priority && <span className="badge">{t('desk.priority')}</span>}
            {ticket.targetDesk && <span className="badge">{t('desk.sentToYou')}</span>}
            <span className="muted">
              {t('desk.since', { time: intl.formatTime(new Date(ticket.queuedAt), { timeStyle: 'short' }) })}
            </span>
            <Button
              variant="secondary"
              isDisabled={!props.canCall || queryAction.isPending}
              aria-label={t('desk.callThisNamed', { code: ticket.code })}
              onPress={() => queryAction.mutate({ id: ticket.id, action: 'call', desk: props.deskId })}
            >
              {t('desk.callThis')}
            </Button>
          </li>
        ))}
      </ol>
    </>
  )
}
