import { describe, expect, it } from 'vitest'
import { pickVoice } from './browser-speech'
import { callUtterances, speechLocales, spokenCode } from './phrases'

describe('what a screen says', () => {
  it('spells ticket codes character by character', () => {
    expect(spokenCode('E-042')).toBe('E 0 4 2')
    expect(spokenCode('É-7')).toBe('É 7')
  })

  it('speaks the centre default language first, then its other interface languages', () => {
    expect(speechLocales({ languages: ['fr', 'en'], defaultLanguage: 'fr' }, 'fr')).toEqual(['fr', 'en'])
    expect(speechLocales({ languages: ['nl', 'en', 'fr'], defaultLanguage: 'nl' }, 'fr')).toEqual([
      'en',
      'fr',
    ])
    expect(speechLocales({ languages: ['ar'], defaultLanguage: 'ar' }, 'en')).toEqual(['en'])
  })

  it('says the code and the desk in each language, naming a numbered desk as such', () => {
    expect(callUtterances({ code: 'E-042', desk: '3' }, ['fr', 'en'])).toEqual([
      { lang: 'fr', text: 'Ticket E 0 4 2, guichet 3' },
      { lang: 'en', text: 'Ticket E 0 4 2, desk 3' },
    ])
    expect(callUtterances({ code: 'F-001', desk: 'Bureau 2' }, ['en'])).toEqual([
      { lang: 'en', text: 'Ticket F 0 0 1, Bureau 2' },
    ])
  })

  it('picks a voice speaking the language, the default one first', () => {
    const voices = [
      { name: 'a', lang: 'en-GB', default: true, localService: true },
      { name: 'b', lang: 'fr-CA', default: false, localService: false },
      { name: 'c', lang: 'fr_FR', default: false, localService: true },
    ]
    expect(pickVoice(voices, 'fr')?.name).toBe('c')
    expect(pickVoice(voices, 'en')?.name).toBe('a')
    expect(pickVoice(voices, 'nl')).toBeUndefined()
  })
})
