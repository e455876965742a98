import type { DirectoryServiceInput } from '../../shared/schemas/directory'
import type { Database } from '../db/client'
import { createService } from '../modules/directory/directory-service'

/** Fictional services outside the alliance that the demo centre's counsellors refer people to. */
const services: DirectoryServiceInput[] = [
  {
    organisation: 'Foyer des Jeunes Travailleurs Démo',
    name: { fr: 'Logement des jeunes travailleurs', en: 'Housing for young workers' },
    description: {
      fr: 'Chambres et studios meublés, à loyer modéré, avec un accompagnement vers le logement autonome.',
      en: 'Furnished rooms and studios at a moderate rent, with support towards a home of one’s own.',
    },
    eligibility: {
      fr: 'De 16 à 30 ans, en emploi, en formation ou en recherche d’emploi.',
      en: 'Aged 16 to 30, working, training or looking for work.',
    },
    audiences: ['young_people'],
    languages: ['fr', 'en'],
    address: '3 rue des Exemples, 75019 Paris',
    openingHours: 'Lundi – vendredi, 9 h – 18 h',
    walkIn: true,
    phone: '01 00 00 00 01',
    lastVerified: '2026-09-01',
  },
  {
    organisation: 'Maison de la Justice et du Droit Démo',
    name: { fr: 'Consultations juridiques gratuites', en: 'Free legal advice' },
    description: {
      fr: 'Des juristes répondent sur le droit du travail, le logement, la famille. Sur rendez-vous.',
      en: 'Lawyers answer on employment law, housing, family matters. By appointment.',
    },
    audiences: ['adults', 'workers', 'job_seekers'],
    languages: ['fr'],
    address: '8 avenue du Droit, 75020 Paris',
    openingHours: 'Mardi et jeudi, 14 h – 17 h',
    phone: '01 00 00 00 02',
    lastVerified: '2025-06-01',
  },
  {
    organisation: 'Centre de Santé Démo',
    name: { fr: 'Bilan de santé gratuit', en: 'Free health check' },
    description: {
      fr: 'Un bilan complet, sans avance de frais, et une orientation vers les soins si besoin.',
      en: 'A full check-up, nothing to pay upfront, and referral to care if needed.',
    },
    audiences: ['adults', 'job_seekers', 'newcomers'],
    languages: ['fr', 'en', 'ar'],
    address: '21 boulevard de la Santé, 75019 Paris',
    website: 'https://sante.example.org',
    lastVerified: '2026-11-02',
  },
  {
    organisation: 'Plateforme Mobilité Démo',
    name: { fr: 'Aide au permis et à la mobilité', en: 'Help with driving licence and transport' },
    description: {
      fr: 'Conseil mobilité, location de scooters à petit prix, aides au permis de conduire pour l’emploi.',
      en: 'Transport advice, low-cost scooter rental, driving-licence funding for work.',
    },
    audiences: ['job_seekers', 'young_people'],
    languages: ['fr'],
    address: '5 place de la Gare, 93000 Ville-Démo',
    walkIn: true,
    lastVerified: '2026-07-10',
  },
]

/** Adds the services; answers each one's id by its organisation's name. */
export async function seedDemoDirectory({ db, centreId }: { db: Database; centreId: string }) {
  const ids = new Map<string, string>()
  for (const input of services)
    ids.set(input.organisation, await createService({ db, centreId, actorUserId: null, input }))
  return (organisation: string) => ids.get(organisation) ?? ''
}
