import { type FormEvent, useId, useState } from 'react'
import { Form } from 'react-aria-components'
import { useNavigate } from 'react-router'
import { bookingInputSchema, type ProgrammeSession } from '../../../shared/schemas/events'
import { bookingPath, useBookSeats } from '../../features/events/api'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { Checkbox } from '../../ui/checkbox'
import { SelectField } from '../../ui/select-field'
import { TextField } from '../../ui/text-field'

/**
 * Seats on one session, without a name: how many, whether one is of the priority audience (said, never
 * proved), and — only if the visitor wants a reminder — an address used for that alone. The answer is a
 * code, on a page of its own.
 */
export function BookingForm({ slug, session }: { slug: string; session: ProgrammeSession }) {
  const t = useT()
  const navigate = useNavigate()
  const book = useBookSeats(slug)
  const id = useId()
  const [seats, setSeats] = useState('1')
  const [priority, setPriority] = useState(false)
  const [remind, setRemind] = useState(false)
  const [contact, setContact] = useState('')
  const [consent, setConsent] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const room = priority ? session.prioritySeatsLeft : session.seatsLeft
  const wanted = Number(seats)
  const waiting = session.waitingList || (room ?? 0) < wanted

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    const input = {
      seats: wanted,
      priority,
      ...(remind ? { contact: contact.trim(), contactConsent: consent } : {}),
    }
    const checked = validate(bookingInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setMessage(t('error.validation'))
    book.mutate(
      { sessionId: session.sessionId, input: checked.data },
      {
        onSuccess: (booked) => navigate(bookingPath(booked.code), { state: { fresh: true } }),
        onError: (error) => {
          const failure = errorsFromApi(error, t)
          setErrors(failure.fields)
          setMessage(failure.message)
        },
      },
    )
  }

  return (
    <Form onSubmit={submit} className="booking-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{waiting ? t('events.joinWaitingTitle') : t('events.bookTitle')}</h3>
      <p className="muted">{t('events.noNameNeeded')}</p>
      {message && <Alert tone="error">{message}</Alert>}
      <SelectField
        label={t('events.seatsLabel')}
        value={seats}
        onChange={setSeats}
        error={fieldError(errors, 'seats')}
        options={Array.from({ length: session.maxGroup }, (_, i) => ({
          id: String(i + 1),
          label: t('events.seatCount', { count: i + 1 }),
        }))}
      />
      {session.priorityShare && (
        <div className="field">
          <Checkbox isSelected={priority} onChange={setPriority}>
            {t('events.priorityLabel')}
          </Checkbox>
          <p className="field__hint">{t('events.priorityHint')}</p>
        </div>
      )}
      <div className="field">
        <Checkbox isSelected={remind} onChange={setRemind}>
          {t('events.remindLabel')}
        </Checkbox>
      </div>
      {remind && (
        <div className="booking-form__contact">
          <TextField
            label={t('events.contactLabel')}
            hint={t('events.contactHint')}
            value={contact}
            onChange={setContact}
            error={fieldError(errors, 'contact')}
            maxLength={120}
            autoComplete="off"
          />
          <div className="field">
            <Checkbox isSelected={consent} onChange={setConsent}>
              {t('events.consentLabel')}
            </Checkbox>
            {fieldError(errors, 'contactConsent') && (
              <p className="field__error" role="alert">
                {fieldError(errors, 'contactConsent')}
              </p>
            )}
          </div>
        </div>
      )}
      {waiting && <p className="muted">{t('events.waitingExplained')}</p>}
      <Button type="submit" isDisabled={book.isPending}>
        {waiting ? t('events.joinWaiting', { count: wanted }) : t('events.book', { count: wanted })}
      </Button>
    </Form>
  )
}
