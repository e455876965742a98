import { useState } from 'react'
import { useIntl } from 'react-intl'
import type { MessageKey } from '../../../shared/i18n/messages'
import type { Area, Desk } from '../../../shared/schemas/centres'
import type { StaffTicket } from '../../../shared/schemas/tickets'
import { languageName } from '../../features/centres/localized-fields'
import { useStaffTicket, useTicketAction } from '../../features/walk-in/api'
import { ProfilePanel } from '../../features/walk-in/profile-panel'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { Checkbox } from '../../ui/checkbox'
import { SelectField } from '../../ui/select-field'
import { ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { emptyInterview, type InterviewDraft, InterviewPanel, interviewInput } from './interview-panel'

type Props = {
  slug: string
  ticketId: string
  deskId: string
  desks: Desk[]
  areas: Area[]
  areaName: (slug: string) => string
}

/**
 * The visitor in front of the counsellor: the ticket, the thread of its earlier steps with their
 * handover notes, the interview record filled in as it goes, and what can be done next: finishing or
 * transferring sends the record with it.
 */
export function CurrentTicket(props: Props) {
  const t = useT()
  const intl = useIntl()
  const ticket = useStaffTicket(props.ticketId)
  const act = useTicketAction(props.slug)
  const [transferring, setTransferring] = useState(false)
  const [interview, setInterview] = useState<InterviewDraft>(emptyInterview)

  if (ticket.isPending) return <Loading />
  if (ticket.isError) return <ErrorMessage error={ticket.error} />
  const current = ticket.data
  const run = (action: 'recall' | 'start' | 'no-show') => act.mutate({ id: current.id, action })
  const finish = () => act.mutate({ id: current.id, action: 'finish', interview: interviewInput(interview) })
  const called = current.status === 'called'
  const areaId = props.areas.find((area) => area.slug === current.area)?.id

  return (
    <article className="card stack current-ticket" aria-labelledby="current-code">
      <header className="current-ticket__head">
        <p id="current-code" className="ticket-code ticket-code--large">
          {current.code}
        </p>
        <div>
          <p>
            {props.areaName(current.area)} · {languageName(current.language, intl.locale)}
            {current.priority && <span className="badge">{t('desk.priority')}</span>}
          </p>
          <p className="muted" role="status">
            {t(`desk.status.${current.status}` as MessageKey)}
            {called && current.recallCount > 0 && ` · ${t('desk.recalled', { count: current.recallCount })}`}
          </p>
        </div>
      </header>
      {act.isError && <ErrorMessage error={act.error} />}
      <Thread ticket={current} areaName={props.areaName} />
      <InterviewPanel slug={props.slug} areaId={areaId} value={interview} onChange={setInterview} />
      <ProfilePanel ticketId={current.id} />
      {transferring ? (
        <TransferForm {...props} interview={interview} onDone={() => setTransferring(false)} />
      ) : (
        <div className="cluster">
          {called && (
            <>
              <Button onPress={() => run('start')} isDisabled={act.isPending}>
                {t('desk.start')}
              </Button>
              <Button variant="secondary" onPress={() => run('recall')} isDisabled={act.isPending}>
                {t('desk.recall')}
              </Button>
              <Button variant="secondary" onPress={() => run('no-show')} isDisabled={act.isPending}>
                {t('desk.noShow')}
              </Button>
            </>
          )}
          <Button variant="secondary" onPress={() => setTransferring(true)} isDisabled={act.isPending}>
            {t('desk.transfer')}
          </Button>
          <Button variant={called ? 'secondary' : 'primary'} onPress={finish} isDisabled={act.isPending}>
            {t('desk.finish')}
          </Button>
        </div>
      )}
    </article>
  )
}

/** Earlier steps of the visit, with the notes colleagues left about the question. */
function Thread({ ticket, areaName }: { ticket: StaffTicket; areaName: (slug: string) => string }) {
  const t = useT()
  const intl = useIntl()
  const notes = ticket.steps.filter((step) => step.note)
  return (
    <details className="thread" open={notes.length > 0}>
      <summary>{t('desk.thread', { count: ticket.steps.length })}</summary>
      <ol className="thread__steps">
        {ticket.steps.map((step, index) => (
          // Steps never change once written: their order is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
          <li key={index}>
            <span className="muted">{intl.formatTime(new Date(step.at), { timeStyle: 'short' })}</span>{' '}
            {t(`desk.step.${step.kind}` as MessageKey)}
            {step.area && ` · ${areaName(step.area)}`}
            {step.desk && ` · ${step.desk}`}
            {step.note && <blockquote className="thread__note">{step.note}</blockquote>}
          </li>
        ))}
      </ol>
    </details>
  )
}

function TransferForm(props: Props & { interview: InterviewDraft; onDone: () => void }) {
  const t = useT()
  const act = useTicketAction(props.slug)
  const ticket = useStaffTicket(props.ticketId)
  const [target, setTarget] = useState('')
  const [note, setNote] = useState('')
  const [keepArrival, setKeepArrival] = useState(true)
  const [error, setError] = useState<string | undefined>()
  const here = ticket.data?.area
  const options = [
    ...props.areas
      .filter((area) => area.slug !== here)
      .map((area) => ({
        id: `area:${area.slug}`,
        label: t('desk.toArea', { name: props.areaName(area.slug) }),
      })),
    ...props.desks
      .filter((desk) => desk.id !== props.deskId)
      .map((desk) => ({ id: `desk:${desk.id}`, label: t('desk.toDesk', { name: desk.name }) })),
  ]
  const submit = () => {
    const [kind, id] = target.split(':')
    if (!kind || !id) return setError(t('desk.chooseTarget'))
    act.mutate(
      {
        id: props.ticketId,
        action: 'transfer',
        transfer: {
          ...(kind === 'area' ? { area: id } : { desk: id }),
          note: note || undefined,
          keepArrival,
        },
        interview: interviewInput(props.interview),
      },
      { onSuccess: props.onDone },
    )
  }
  return (
    <form
      className="stack transfer-form"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <h3>{t('desk.transferTitle')}</h3>
      {act.isError && <ErrorMessage error={act.error} />}
      <SelectField
        label={t('desk.transferTo')}
        value={target}
        onChange={(value) => {
          setTarget(value)
          setError(undefined)
        }}
        options={options}
        error={error}
        isRequired
      />
      <TextField
        label={t('desk.note')}
        hint={t('desk.noteHint')}
        value={note}
        onChange={setNote}
        multiline
        maxLength={500}
      />
      <Checkbox isSelected={keepArrival} onChange={setKeepArrival}>
        {t('desk.keepArrival')}
      </Checkbox>
      <div className="cluster">
        <Button type="submit" isDisabled={act.isPending}>
          {t('desk.transferConfirm')}
        </Button>
        <Button variant="quiet" onPress={props.onDone}>
          {t('desk.cancel')}
        </Button>
      </div>
    </form>
  )
}
