import type { ReactNode } from 'react'

/** Errors interrupt (role=alert); confirmations and information wait their turn (role=status). */
export function Alert({ tone, children }: { tone: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className="alert" data-tone={tone} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  )
}
