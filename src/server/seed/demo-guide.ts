import type { GuideSituation } from '../../shared/schemas/guide'
import type { Database } from '../db/client'
import { savePhrase, setSituationAreas } from '../modules/guide/guide-service'

/** "Where do I start?" in the demo centre: the areas of each situation, in the order proposed. */
const situations: Record<GuideSituation, string[]> = {
  work: ['trouver-emploi'],
  trade: ['se-former', 'choisir-orientation'],
  change: ['changer-vie-pro', 'se-former'],
  business: ['creer-activite'],
  newcomer: ['se-former', 'trouver-emploi'],
  unsure: ['choisir-orientation'],
}

/** Words visitors use, and the area that answers them, in French and English. */
const phrases: Record<string, { fr: string[]; en: string[] }> = {
  'choisir-orientation': {
    fr: [
      'je ne sais pas quoi faire',
      'quel métier',
      'orientation',
      'travailler avec les enfants',
      'parcoursup',
    ],
    en: ['which job', 'career choice', 'work with children', 'what to study'],
  },
  'trouver-emploi': {
    fr: [
      'cherche du travail',
      'trouver un emploi',
      'CV',
      'lettre de motivation',
      'entretien d’embauche',
      'chômage',
    ],
    en: ['looking for work', 'find a job', 'CV', 'cover letter', 'job interview', 'unemployed'],
  },
  'se-former': {
    fr: ['formation', 'diplôme', 'apprendre le français', 'VAE', 'apprentissage'],
    en: ['training', 'qualification', 'learn French', 'apprenticeship'],
  },
  'changer-vie-pro': {
    fr: ['mal au dos', 'reconversion', 'changer de métier', 'licenciement', 'burn out', 'usé'],
    en: ['back pain', 'change career', 'retrain', 'laid off', 'burnout'],
  },
  'creer-activite': {
    fr: ['créer mon entreprise', 'auto-entrepreneur', 'micro-entreprise', 'mon propre patron'],
    en: ['start a business', 'self-employed', 'my own boss'],
  },
  'travailler-etranger': {
    fr: ['étranger', 'partir travailler', 'Erasmus'],
    en: ['abroad', 'work overseas', 'Erasmus'],
  },
}

export async function seedDemoGuide(options: {
  db: Database
  centreId: string
  area: (slug: string) => string
}) {
  const { db, centreId, area } = options
  for (const [situation, slugs] of Object.entries(situations))
    await setSituationAreas({
      db,
      centreId,
      actorUserId: null,
      situation: situation as GuideSituation,
      areaIds: slugs.map(area),
    })
  for (const [slug, byLanguage] of Object.entries(phrases))
    for (const language of ['fr', 'en'] as const)
      for (const phrase of byLanguage[language])
        await savePhrase({ db, centreId, actorUserId: null, input: { areaId: area(slug), language, phrase } })
}
