import { useEffect, useRef, useState } from 'react'

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

/**
 * Calls `onIdle` once nobody has touched the kiosk for `seconds`, so the next visitor never finds the
 * previous one's choices (or ticket) on the screen. Returns the seconds left, for a visible countdown.
 */
export function useIdleReset(seconds: number | null, onIdle: () => void): number | null {
  const [left, setLeft] = useState(seconds)
  const callback = useRef(onIdle)
  callback.current = onIdle

  useEffect(() => {
    if (seconds === null) return
    let deadline = Date.now() + seconds * 1000
    setLeft(seconds)
    const touched = () => {
      deadline = Date.now() + seconds * 1000
      setLeft(seconds)
    }
    for (const name of ACTIVITY) window.addEventListener(name, touched, { capture: true, passive: true })
    const timer = setInterval(() => {
      const remaining = Math.ceil((deadline - Date.now()) / 1000)
      if (remaining <= 0) {
        clearInterval(timer)
        callback.current()
      } else setLeft(remaining)
    }, 1000)
    return () => {
      clearInterval(timer)
      for (const name of ACTIVITY) window.removeEventListener(name, touched, { capture: true })
    }
  }, [seconds])

  return seconds === null ? null : left
}
