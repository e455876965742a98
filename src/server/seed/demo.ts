import { count } from 'drizzle-orm'
import type { StaffRole } from '../../shared/constants'
import type { AreaInput } from '../../shared/schemas/centres'
import type { PartnerType } from '../../shared/schemas/partners'
import type { Expertise } from '../../shared/schemas/rota'
import type { Database } from '../db/client'
import { centre, partner, partnerArea } from '../db/schema/centres'
import type { Auth } from '../modules/auth/auth'
import { createArea } from '../modules/centres/areas-service'
import { createCentre } from '../modules/centres/centres-service'
import { createDesk } from '../modules/centres/desks-service'
import { replaceWeeklyHours } from '../modules/centres/hours-service'
import { createShift } from '../modules/rota/rota-service'
import { addStaff } from '../modules/staff/staff-service'
import { seedDemoActivity } from './demo-activity'
import { seedDemoCatalogue } from './demo-catalogue'
import { seedDemoDirectory } from './demo-directory'
import { seedDemoEvents } from './demo-events'
import { seedDemoGuide } from './demo-guide'
import { seedDemoInterviewThemes } from './demo-interview-themes'
import { seedDemoKnowledge } from './demo-knowledge'
import { seedDemoTrainings } from './demo-trainings'

const areas: AreaInput[] = [
  {
    slug: 'choisir-orientation',
    ticketLetter: 'O',
    colour: '#2f6f9f',
    pictogram: 'compass',
    name: { fr: 'Choisir son orientation', en: 'Choose a path' },
    description: {
      fr: 'Je ne sais pas par où commencer, je cherche une voie, un métier, une formation.',
      en: "I don't know where to start; I'm looking for a direction, an occupation, a course.",
    },
  },
  {
    slug: 'trouver-emploi',
    ticketLetter: 'E',
    colour: '#2e7d4f',
    pictogram: 'briefcase',
    name: { fr: 'Trouver un emploi', en: 'Find a job' },
    description: {
      fr: 'CV, lettre, entretien, candidatures : préparer ma recherche d’emploi.',
      en: 'CV, cover letter, interviews, applications: prepare my job search.',
    },
  },
  {
    slug: 'se-former',
    ticketLetter: 'F',
    colour: '#8a5a00',
    pictogram: 'graduation',
    name: { fr: 'Se former', en: 'Train and learn' },
    description: {
      fr: 'Trouver une formation, la financer, faire valider mon expérience.',
      en: 'Find a course, fund it, get my experience recognised.',
    },
  },
  {
    slug: 'changer-vie-pro',
    ticketLetter: 'C',
    colour: '#7a3e8e',
    pictogram: 'route',
    name: { fr: 'Changer de vie professionnelle', en: 'Change career' },
    description: {
      fr: 'Faire le point, me reconvertir, évoluer dans mon travail.',
      en: 'Take stock, retrain, move on in my working life.',
    },
  },
  {
    slug: 'creer-activite',
    ticketLetter: 'A',
    colour: '#b23a48',
    pictogram: 'lightbulb',
    name: { fr: 'Créer son activité', en: 'Start a business' },
    description: {
      fr: 'J’ai une idée d’entreprise ou d’activité et je veux la réaliser.',
      en: 'I have an idea for a business or an activity and want to make it happen.',
    },
  },
  {
    slug: 'travailler-etranger',
    ticketLetter: 'M',
    colour: '#1f6f6f',
    pictogram: 'globe',
    name: { fr: 'Travailler à l’étranger', en: 'Work abroad' },
    description: {
      fr: 'Partir travailler, étudier ou faire un stage dans un autre pays.',
      en: 'Go and work, study or do an internship in another country.',
    },
  },
]

const partners: { name: string; type: PartnerType; about: { fr: string; en: string }; areas: string[] }[] = [
  {
    name: 'Agence locale pour l’emploi (fictive)',
    type: 'employment_service',
    about: {
      fr: 'Offres d’emploi, inscription, droits et accompagnement des personnes en recherche d’emploi.',
      en: 'Job offers, registration, rights and support for job seekers.',
    },
    areas: ['trouver-emploi', 'changer-vie-pro'],
  },
  {
    name: 'Mission Jeunesse Démo',
    type: 'youth',
    about: {
      fr: 'Accompagne les 16-25 ans vers l’emploi, la formation, le logement et la santé.',
      en: 'Supports people aged 16 to 25 towards work, training, housing and health.',
    },
    areas: ['choisir-orientation', 'trouver-emploi'],
  },
  {
    name: 'Réseau Formation Continue Démo',
    type: 'training',
    about: {
      fr: 'Formations pour adultes, financements, validation des acquis de l’expérience.',
      en: 'Adult training, funding, recognition of prior experience.',
    },
    areas: ['se-former', 'changer-vie-pro'],
  },
  {
    name: 'Maison de la Création Démo',
    type: 'business_creation',
    about: {
      fr: 'De l’idée au lancement : étude de marché, statut, financement de votre activité.',
      en: 'From the idea to the launch: market study, legal status, funding for your business.',
    },
    areas: ['creer-activite'],
  },
  {
    name: 'Bureau Mobilité Internationale Démo',
    type: 'association',
    about: {
      fr: 'Partir étudier, travailler ou faire un stage à l’étranger.',
      en: 'Studying, working or doing an internship abroad.',
    },
    areas: ['travailler-etranger'],
  },
  {
    name: 'Centre d’Information Jeunesse Démo',
    type: 'education_guidance',
    about: {
      fr: 'Information sur les études, les métiers, les jobs et la vie quotidienne.',
      en: 'Information on studies, occupations, student jobs and everyday life.',
    },
    areas: ['choisir-orientation'],
  },
]

const accounts: { role: StaffRole; email: string; name: string }[] = [
  { role: 'manager', email: 'manager@demo.example', name: 'Camille Martin' },
  { role: 'reception', email: 'reception@demo.example', name: 'Sami Benali' },
  { role: 'counsellor', email: 'counsellor@demo.example', name: 'Léa Dubois' },
  { role: 'partner_coordinator', email: 'partners@demo.example', name: 'Hugo Lambert' },
  { role: 'network_admin', email: 'network@demo.example', name: 'Nora Petit' },
]

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(centre)
  return (row?.n ?? 0) === 0
}

/**
 * The fictional "Cité des Métiers de Démo": six areas named as concerns, desks, fictional partners,
 * opening hours and one account per role. Returns the accounts with their one-time passwords.
 */
export async function seedDemo({ db, auth, now = new Date() }: { db: Database; auth: Auth; now?: Date }) {
  const demo = await createCentre({
    db,
    actorUserId: null,
    input: {
      slug: 'demo',
      name: { fr: 'Cité des Métiers de Démo', en: 'Cité des Métiers (demo centre)' },
      timezone: 'Europe/Paris',
      languages: ['fr', 'en'],
      defaultLanguage: 'fr',
      address: '1 place de la Démo, 75000 Paris',
    },
  })
  const created: { id: string; slug: string }[] = []
  for (const [position, input] of areas.entries()) {
    created.push(
      await createArea({ db, centreId: demo.id, actorUserId: null, input: { ...input, position } }),
    )
  }
  const areaId = (slug: string) => created.find((a) => a.slug === slug)?.id ?? ''
  const desks: [string, string[]][] = [
    ['Accueil 1', []],
    ['Bureau 1', ['choisir-orientation', 'changer-vie-pro']],
    ['Bureau 2', ['choisir-orientation']],
    ['Bureau 3', ['trouver-emploi']],
    ['Bureau 4', ['trouver-emploi', 'travailler-etranger']],
    ['Bureau 5', ['se-former', 'changer-vie-pro']],
    ['Bureau 6', ['creer-activite']],
  ]
  for (const [position, [name, slugs]] of desks.entries()) {
    await createDesk({
      db,
      centreId: demo.id,
      actorUserId: null,
      input: { name, position, areaIds: slugs.map(areaId) },
    })
  }
  const weekdays = [1, 2, 3, 4, 5]
  await replaceWeeklyHours({
    db,
    centreId: demo.id,
    actorUserId: null,
    input: {
      spans: [
        ...weekdays.map((weekday) => ({ weekday, opensAt: '10:00', closesAt: '18:00' })),
        { weekday: 6, opensAt: '10:00', closesAt: '13:00' },
      ],
    },
  })
  await replaceWeeklyHours({
    db,
    centreId: demo.id,
    actorUserId: null,
    input: {
      areaId: areaId('creer-activite'),
      spans: [2, 4].map((weekday) => ({ weekday, opensAt: '13:30', closesAt: '17:30' })),
    },
  })
  const partnerRows = await db
    .insert(partner)
    .values(partners.map(({ name, type, about }) => ({ centreId: demo.id, name, type, description: about })))
    .returning({ id: partner.id, name: partner.name })
  await db.insert(partnerArea).values(
    partners.flatMap(({ name, areas: covered }) =>
      covered.map((slug) => ({
        partnerId: partnerRows.find((row) => row.name === name)?.id ?? '',
        areaId: areaId(slug),
      })),
    ),
  )
  // The demo coordinator speaks for one partner: the resources they add carry it.
  const coordinatorPartner = partnerRows.find((p) => p.name.startsWith('Centre d’Information Jeunesse'))
  await seedDemoCatalogue({ db, centreId: demo.id, areaId, partnerId: coordinatorPartner?.id ?? '' })
  await seedDemoTrainings({ db, centreId: demo.id })
  const partnerId = (name: string) => partnerRows.find((p) => p.name === name)?.id ?? null
  const shifts: [string, string, Expertise, number, string, string, string[]][] = [
    ['trouver-emploi', 'Agence locale pour l’emploi (fictive)', 'job_search', 1, '10:00', '12:30', ['fr']],
    [
      'trouver-emploi',
      'Agence locale pour l’emploi (fictive)',
      'job_search',
      3,
      '10:00',
      '12:30',
      ['fr', 'en'],
    ],
    ['changer-vie-pro', 'Agence locale pour l’emploi (fictive)', 'labour_law', 4, '10:00', '12:00', ['fr']],
    ['creer-activite', 'Maison de la Création Démo', 'business_creation', 2, '13:30', '17:30', ['fr']],
    ['creer-activite', 'Maison de la Création Démo', 'business_creation', 4, '13:30', '17:30', ['fr', 'en']],
    ['se-former', 'Réseau Formation Continue Démo', 'recognition_of_experience', 5, '14:00', '17:00', ['fr']],
    [
      'travailler-etranger',
      'Bureau Mobilité Internationale Démo',
      'work_abroad',
      3,
      '14:00',
      '17:00',
      ['fr', 'en', 'es'],
    ],
    ['choisir-orientation', 'Mission Jeunesse Démo', 'youth', 3, '14:00', '18:00', ['fr', 'ar']],
  ]
  for (const [slug, name, expertise, weekday, startsAt, endsAt, languages] of shifts)
    await createShift({
      db,
      centreId: demo.id,
      actorUserId: null,
      writer: { kind: 'manager' },
      input: {
        areaId: areaId(slug),
        partnerId: partnerId(name),
        expertise,
        weekday,
        startsAt,
        endsAt,
        languages,
      },
    })
  const service = await seedDemoDirectory({ db, centreId: demo.id })
  await seedDemoInterviewThemes({ db, centreId: demo.id, area: areaId })
  await seedDemoGuide({ db, centreId: demo.id, area: areaId })
  await seedDemoEvents({
    db,
    centreId: demo.id,
    timeZone: 'Europe/Paris',
    now,
    partner: (name) => partnerRows.find((p) => p.name === name)?.id ?? '',
    area: areaId,
  })
  await seedDemoActivity({ db, centreId: demo.id, now })
  const logins = []
  for (const account of accounts) {
    const added = await addStaff({
      db,
      auth,
      actorUserId: null,
      input: {
        ...account,
        centreId: account.role === 'network_admin' ? null : demo.id,
        partnerId: account.role === 'partner_coordinator' ? (coordinatorPartner?.id ?? null) : null,
      },
    })
    logins.push({ ...account, password: added.password })
    if (account.role === 'counsellor')
      await seedDemoKnowledge({ db, centreId: demo.id, authorId: added.userId, service, area: areaId })
  }
  return { centreSlug: demo.slug, logins }
}
