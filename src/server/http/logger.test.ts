import { describe, expect, it } from 'vitest'
import { redactPath } from './logger'

describe('request paths in logs', () => {
  it('hide the secrets some paths carry, and nothing else', () => {
    expect(redactPath('/t/AbC123xyz')).toBe('/t/:token')
    expect(redactPath('/api/v1/tickets/track/AbC123xyz')).toBe('/api/v1/tickets/track/:token')
    expect(redactPath('/staff/reset-password/AbC123xyz')).toBe('/staff/reset-password/:token')
    expect(redactPath('/c/demo/kiosk')).toBe('/c/demo/kiosk')
    expect(redactPath('/api/v1/centres/demo/tickets')).toBe('/api/v1/centres/demo/tickets')
  })
})
