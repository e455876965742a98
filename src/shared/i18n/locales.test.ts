import { describe, expect, it } from 'vitest'
import { isUiLocale, negotiateLocale, parseAcceptLanguage, pickText } from './locales'

describe('parseAcceptLanguage', () => {
  it('orders tags by quality, keeping header order between equal qualities', () => {
    expect(parseAcceptLanguage('de;q=0.5, en-GB;q=0.9, fr-BE, nl;q=0.9')).toEqual([
      'fr-BE',
      'en-GB',
      'nl',
      'de',
    ])
  })

  it('treats a missing q as 1 and drops q=0 and unreadable qualities', () => {
    expect(parseAcceptLanguage('en;q=0, fr;q=zero, es;q=0.1, it')).toEqual(['it', 'es'])
    expect(parseAcceptLanguage('en;q=1.0,fr;q=0.999')).toEqual(['en', 'fr'])
  })

  it('returns nothing for an empty or missing header', () => {
    expect(parseAcceptLanguage(undefined)).toEqual([])
    expect(parseAcceptLanguage(null)).toEqual([])
    expect(parseAcceptLanguage('')).toEqual([])
    expect(parseAcceptLanguage(' , ')).toEqual([])
  })
})

describe('negotiateLocale', () => {
  it('matches on the primary subtag, whatever the region or case', () => {
    expect(negotiateLocale(['en-GB'])).toBe('en')
    expect(negotiateLocale(['EN-us'])).toBe('en')
    expect(negotiateLocale(['fr_CA'])).toBe('fr')
    expect(negotiateLocale(['fr-BE;q=0.8'])).toBe('fr')
  })

  it('takes the first supported preference in order', () => {
    expect(negotiateLocale(['de', 'es', 'en', 'fr'])).toBe('en')
    expect(negotiateLocale(parseAcceptLanguage('de, fr;q=0.4, en;q=0.6'))).toBe('en')
    expect(negotiateLocale(parseAcceptLanguage('de, en ;q=0.5'))).toBe('en')
  })

  it('falls back to French, or to the given fallback, when nothing is supported', () => {
    expect(negotiateLocale([])).toBe('fr')
    expect(negotiateLocale(['de-DE', '*', ''])).toBe('fr')
    expect(negotiateLocale(['de'], 'en')).toBe('en')
    // A POSIX locale, as the CLI reads it from LANG.
    expect(negotiateLocale(['C.UTF-8'], 'en')).toBe('en')
    expect(negotiateLocale(['fr_FR.UTF-8'], 'en')).toBe('fr')
  })

  it('does not mistake a longer code for a supported one', () => {
    expect(negotiateLocale(['fra', 'eng'], 'en')).toBe('en')
    expect(negotiateLocale(['fra'], 'fr')).toBe('fr')
    expect(isUiLocale('fra')).toBe(false)
    expect(isUiLocale('en')).toBe(true)
  })
})

describe('pickText', () => {
  const text = { fr: 'Trouver un emploi', en: 'Find a job', es: '' }

  it('picks the first asked language that has a text', () => {
    expect(pickText(text, 'en', 'fr')).toBe('Find a job')
    expect(pickText(text, 'de', 'fr')).toBe('Trouver un emploi')
  })

  it('skips empty texts', () => {
    expect(pickText(text, 'es', 'en')).toBe('Find a job')
  })

  it('falls back to any filled-in language when none of the asked ones has a text', () => {
    expect(pickText({ it: '', nl: 'Een baan vinden' }, 'fr', 'en')).toBe('Een baan vinden')
    expect(pickText(text)).toBe('Trouver un emploi')
  })

  it('gives an empty string when there is nothing to show', () => {
    expect(pickText(undefined, 'fr')).toBe('')
    expect(pickText({}, 'fr')).toBe('')
    expect(pickText({ fr: '', en: '' }, 'fr')).toBe('')
  })
})
