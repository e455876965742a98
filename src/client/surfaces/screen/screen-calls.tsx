import { useT } from '../../i18n/i18n-provider'
import type { ShownCall } from './calls'

/** The last call, as large as the screen allows; it pulses briefly when it has just been made. */
export function CurrentCall({ call, isFresh }: { call: ShownCall | undefined; isFresh: boolean }) {
  const t = useT()
  return (
    <section className="screen-current" aria-labelledby="screen-current-title">
      <h2 id="screen-current-title" className="screen__label">
        {t('screen.current')}
        {call?.recall && <span className="screen-tag">{t('screen.recall')}</span>}
      </h2>
      {call ? (
        // A new element for each call, so that its arrival animation plays again.
        <dl key={call.id} className="screen-current__call" data-fresh={isFresh || undefined}>
          <div className="screen-current__code">
            <dt>{t('screen.ticket')}</dt>
            <dd>{call.code}</dd>
          </div>
          <div className="screen-current__desk">
            <dt>{t('screen.desk')}</dt>
            <dd>{call.desk}</dd>
          </div>
        </dl>
      ) : (
        <p className="screen-current__none">{t('screen.noCalls')}</p>
      )}
    </section>
  )
}

/** The calls before it, newest first, in two columns. */
export function EarlierCalls({ calls }: { calls: readonly ShownCall[] }) {
  const t = useT()
  if (calls.length === 0) return null
  return (
    <section className="screen-earlier" aria-labelledby="screen-earlier-title">
      <h2 id="screen-earlier-title" className="screen__label">
        {t('screen.earlier')}
      </h2>
      <ol className="screen-earlier__list">
        {calls.map((call) => (
          <li key={call.id}>
            <span className="screen-earlier__code">{call.code}</span>
            <span className="visually-hidden">{`, ${t('screen.desk')} `}</span>
            <span className="screen-earlier__desk">{call.desk}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
