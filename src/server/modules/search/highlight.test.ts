import { describe, expect, it } from 'vitest'
import { highlight } from './highlight'

const marked = (parts: { text: string; match: boolean }[]) =>
  parts.filter((part) => part.match).map((part) => part.text)
const whole = (parts: { text: string }[]) => parts.map((part) => part.text).join('')

describe('snippets', () => {
  it('marks the words that begin with a stem, whatever their case and accents', () => {
    const parts = highlight('Soigne les patients. Les soins d’hygiène à l’hôpital.', ['soin', 'hygien'])
    expect(marked(parts)).toEqual(['soins', 'hygiène'])
    expect(whole(parts)).toBe('Soigne les patients. Les soins d’hygiène à l’hôpital.')
  })

  it('marks a word whose stem changed its last letter, but not a short stem’s neighbours', () => {
    expect(marked(highlight('Vendeuse en librairie', ['vendeux']))).toEqual(['Vendeuse'])
    expect(marked(highlight('A busy bakery counter', ['bakeri']))).toEqual(['bakery'])
    expect(marked(highlight('Une agence, un agent', ['agent']))).toEqual(['agent'])
  })

  it('shows the passages around the words found, joined by an ellipsis, at most thirty words', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `mot${i}`).join(' ')
    const text = `${filler(40)} boulanger ${filler(40)} pâtissier ${filler(40)}`
    const parts = highlight(text, ['boulang', 'patissi'])
    expect(marked(parts)).toEqual(['boulanger', 'pâtissier'])
    expect(whole(parts)).toContain(' … ')
    expect(
      whole(parts)
        .split(/\s+/)
        .filter((word) => word !== '…').length,
    ).toBeLessThanOrEqual(30)
    expect(whole(parts).startsWith('… mot37 mot38 mot39 boulanger')).toBe(true)
    expect(whole(parts).endsWith(' …')).toBe(true)
  })

  it('gives a passage alone all thirty words, and says where the text goes on', () => {
    const text = `Le boulanger ${Array.from({ length: 60 }, (_, i) => `mot${i}`).join(' ')}`
    const parts = highlight(text, ['boulang'])
    expect(whole(parts)).toBe(`Le boulanger ${Array.from({ length: 28 }, (_, i) => `mot${i}`).join(' ')} …`)
  })

  it('shows the first words of a text where nothing is found, and a short text whole', () => {
    const long = Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ')
    expect(highlight(long, ['absent'])).toEqual([
      { text: `${Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')} …`, match: false },
    ])
    expect(highlight('Classe les dossiers.', [])).toEqual([{ text: 'Classe les dossiers.', match: false }])
    expect(highlight('', ['soin'])).toEqual([{ text: '', match: false }])
  })
})
