import { describe, expect, it } from 'vitest'
import { redactPath } from './logger'

describe('request paths in logs', () => {
  it('hide the secrets some paths carry, and nothing else', () => {
    expect(redactPath('/t/AbC123xyz')).toBe('/t/:token')
    expect(redactPath('/api/v1/tickets/track/AbC123xyz')).toBe('/api/v1/tickets/track/:token')
    expect(redactPath('/staff/reset-password/AbC123xyz')).toBe('/staff/reset-password/:token')
    expect(redactPath('/api/v1/bookings/7KQM-2XR9-HT4D-PA3C')).toBe('/api/v1/bookings/:token')
    expect(redactPath('/c/demo/kiosk')).toBe('/c/demo/kiosk')
    expect(redactPath('/api/v1/centres/demo/tickets')).toBe('/api/v1/centres/demo/tickets')
  })
})
