import { describe, expect, it } from 'vitest'
import { genderForms } from './gender-forms'

describe('genderForms', () => {
  it('completes the masculine form with the words both forms share', () => {
    expect(genderForms("Conducteur / Conductrice d'engins agricoles")).toEqual([
      "Conducteur d'engins agricoles",
      "Conductrice d'engins agricoles",
    ])
    expect(genderForms('Agent / Agente de quai cariste')).toEqual([
      'Agent de quai cariste',
      'Agente de quai cariste',
    ])
    expect(genderForms('Cariste agent / Cariste agente de magasinage')).toEqual([
      'Cariste agent de magasinage',
      'Cariste agente de magasinage',
    ])
  })

  it('completes a feminine form given as a single word', () => {
    expect(genderForms('Analyste programmeur / programmeuse')).toEqual([
      'Analyste programmeur',
      'Analyste programmeuse',
    ])
  })

  it('keeps two complete forms as they are, and a single form alone', () => {
    expect(genderForms('Aide-soignant hospitalier / Aide-soignante hospitalière')).toEqual([
      'Aide-soignant hospitalier',
      'Aide-soignante hospitalière',
    ])
    expect(genderForms('Cariste')).toEqual(['Cariste'])
    expect(genderForms('directeur technique/directrice technique')).toEqual([
      'directeur technique',
      'directrice technique',
    ])
    expect(genderForms('Développeur / Développeur web')).toEqual(['Développeur web'])
  })
})
