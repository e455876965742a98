import { useSyncExternalStore } from 'react'

/**
 * The notebook code this device remembers for a centre — only when its holder ticked "remember", and
 * never in a kiosk's tab: the kiosk is shared, so its notebooks leave as a printed code and a QR code.
 */
const key = (centre: string) => `cite.notebook.${centre}`
const KIOSK_KEY = 'cite.kiosk'
const CHANGED = 'cite:notebook-memory'

function announce() {
  window.dispatchEvent(new Event(CHANGED))
}

/** Said by the kiosk surface when it opens: this tab is a public screen until it is closed. */
export function markKioskTab() {
  sessionStorage.setItem(KIOSK_KEY, '1')
}

export function isKioskTab() {
  return sessionStorage.getItem(KIOSK_KEY) === '1'
}

export function rememberedCode(centre: string): string | null {
  if (isKioskTab()) return null
  return localStorage.getItem(key(centre))
}

export function rememberCode(centre: string, code: string) {
  if (isKioskTab()) return
  localStorage.setItem(key(centre), code)
  announce()
}

export function forgetCode(centre: string) {
  localStorage.removeItem(key(centre))
  announce()
}

/** Forgets a code wherever this device remembers it (it opens nothing any more). */
export function forgetCodeEverywhere(code: string) {
  for (const name of Object.keys(localStorage))
    if (name.startsWith('cite.notebook.') && localStorage.getItem(name) === code)
      localStorage.removeItem(name)
  announce()
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange)
  // Another tab of the same browser remembering or forgetting.
  window.addEventListener('storage', onChange)
  return () => {
    window.removeEventListener(CHANGED, onChange)
    window.removeEventListener('storage', onChange)
  }
}

/** The code remembered for a centre, kept up to date when this or another tab changes it. */
export function useRememberedCode(centre: string): string | null {
  return useSyncExternalStore(subscribe, () => (centre ? rememberedCode(centre) : null))
}
