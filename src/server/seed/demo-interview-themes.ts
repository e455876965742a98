import type { Database } from '../db/client'
import { saveTheme } from '../modules/interviews/interview-service'

type Theme = [slug: string, fr: string, en: string, area: string | null]

/** What the demo centre's interviews are about: a few themes for every area, and each area's own. */
const themes: Theme[] = [
  ['logement', 'Logement', 'Housing', null],
  ['mobilite', 'Mobilité, permis', 'Getting around, driving licence', null],
  ['droits', 'Droits et aides', 'Rights and benefits', null],
  ['projet', 'Idées de métiers', 'Occupation ideas', 'choisir-orientation'],
  ['etudes', 'Études et parcours', 'Studies and pathways', 'choisir-orientation'],
  ['cv', 'CV et lettre', 'CV and cover letter', 'trouver-emploi'],
  ['entretien', 'Entretien d’embauche', 'Job interview', 'trouver-emploi'],
  ['offres', 'Chercher des offres', 'Finding vacancies', 'trouver-emploi'],
  ['financement', 'Financer une formation', 'Paying for training', 'se-former'],
  ['apprentissage', 'Apprentissage, alternance', 'Apprenticeship', 'se-former'],
  ['vae', 'Validation des acquis', 'Recognition of experience', 'changer-vie-pro'],
  ['bilan', 'Bilan de compétences', 'Skills assessment', 'changer-vie-pro'],
  ['statut', 'Statut et démarches', 'Legal status and steps', 'creer-activite'],
  ['financement-projet', 'Financer son projet', 'Funding a project', 'creer-activite'],
  ['etranger', 'Travailler à l’étranger', 'Working abroad', 'travailler-etranger'],
]

export async function seedDemoInterviewThemes(options: {
  db: Database
  centreId: string
  area: (slug: string) => string
}) {
  for (const [index, [slug, fr, en, area]] of themes.entries())
    await saveTheme({
      db: options.db,
      centreId: options.centreId,
      actorUserId: null,
      input: { slug, name: { fr, en }, areaId: area ? options.area(area) : null, position: index },
    })
}
