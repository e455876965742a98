import { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'

/** Today's date and the time at the centre, to the minute. */
export function ScreenClock({ timeZone }: { timeZone: string }) {
  const intl = useIntl()
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000)
    return () => clearInterval(timer)
  }, [])
  return (
    <p className="screen__clock">
      <time dateTime={now.toISOString()}>
        <span className="screen__time">
          {intl.formatTime(now, { hour: '2-digit', minute: '2-digit', timeZone })}
        </span>
        <span className="screen__date">
          {intl.formatDate(now, { weekday: 'long', day: 'numeric', month: 'long', timeZone })}
        </span>
      </time>
    </p>
  )
}
