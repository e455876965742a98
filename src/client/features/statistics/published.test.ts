import { describe, expect, it } from 'vitest'
import { drawnValue, isNothing, isWithheld } from './published'

describe('published counts', () => {
  it('draws withheld counts as missing rather than zero', () => {
    expect(drawnValue(12)).toBe(12)
    expect(drawnValue(0)).toBe(0)
    expect(drawnValue('small')).toBeNull()
    expect(drawnValue('hidden')).toBeNull()
    expect(isWithheld('small')).toBe(true)
    expect(isWithheld(3)).toBe(false)
  })

  it('calls a period empty only when every count is zero', () => {
    expect(isNothing(0, 0)).toBe(true)
    expect(isNothing(0, 'small')).toBe(false)
    expect(isNothing()).toBe(true)
  })
})
