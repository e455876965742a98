import type { ReactNode } from 'react'
import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import type { QuestionView } from '../../../shared/schemas/questions'
import { eventPath } from '../../features/events/api'
import { resourcePath } from '../../features/resources/api'
import { useT } from '../../i18n/i18n-provider'

type Message = QuestionView['messages'][number]
type Attachment = Message['attachments'][number]

/** Where an attachment leads a visitor: the resource's or the event's page, the directory searched for a service. */
export const attachmentPath = (centre: string, attachment: Attachment) =>
  attachment.kind === 'resource'
    ? resourcePath(centre, attachment.ref)
    : attachment.kind === 'event'
      ? eventPath(centre, attachment.ref)
      : `/c/${centre}/services?${new URLSearchParams({ q: attachment.title })}`

/**
 * A question's thread, oldest first. Every message is plain text as typed (never HTML); a counsellor is
 * never named — "a counsellor" to the visitor, whoever of the partners answered (charter rule 3); a
 * hidden message says so and nothing more.
 */
export function QuestionThread({
  centre,
  messages,
  reader,
  timeZone,
  actions,
}: {
  centre: string
  messages: Message[]
  reader: 'visitor' | 'staff'
  timeZone: string
  actions?: (message: Message) => ReactNode
}) {
  const t = useT()
  const intl = useIntl()
  const authorOf = (message: Message) =>
    message.author === 'counsellor'
      ? t('questions.thread.counsellor')
      : reader === 'visitor'
        ? t('questions.thread.you')
        : t('questions.thread.visitor')
  return (
    <ol className="plain-list question-thread">
      {messages.map((message) => (
        <li key={message.id} className="question-message" data-author={message.author}>
          <article aria-labelledby={`message-${message.id}`}>
            <h3 id={`message-${message.id}`} className="question-message__head">
              <span>{authorOf(message)}</span>{' '}
              <time className="question-message__at" dateTime={message.at}>
                {intl.formatDate(message.at, { dateStyle: 'long', timeStyle: 'short', timeZone })}
              </time>
            </h3>
            {message.hidden || message.body === null ? (
              <p className="question-message__hidden">{t('questions.thread.hidden')}</p>
            ) : (
              <p className="question-message__body">{message.body}</p>
            )}
            {!message.hidden && message.attachments.length > 0 && (
              <div className="question-message__attachments">
                <h4>{t('questions.thread.attachments')}</h4>
                <ul>
                  {message.attachments.map((attachment) => (
                    <li key={`${attachment.kind}:${attachment.ref}`}>
                      <span className="muted">{t(`questions.kind.${attachment.kind}`)} · </span>
                      <Link to={attachmentPath(centre, attachment)}>{attachment.title}</Link>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {actions?.(message)}
          </article>
        </li>
      ))}
    </ol>
  )
}
