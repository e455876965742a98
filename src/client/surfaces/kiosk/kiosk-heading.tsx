import { type ReactNode, useEffect, useRef } from 'react'
import { useT } from '../../i18n/i18n-provider'

/**
 * Each kiosk screen's title. After the first screen, focus moves to it when the screen appears, so a
 * screen reader announces the new step and the keyboard starts from its top.
 */
export function KioskHeading({ children, focus }: { children: ReactNode; focus: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focus) heading.current?.focus()
  }, [focus])
  return (
    <h1 ref={heading} tabIndex={-1} className="kiosk__title">
      {children}
    </h1>
  )
}

/** "Step 2 of 4": where the visitor is, in words. */
export function StepCount({ step, total }: { step: number; total: number }) {
  const t = useT()
  return <p className="kiosk__step">{t('kiosk.stepOf', { step, total })}</p>
}
