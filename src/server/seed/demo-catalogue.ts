import type { ResourceInput } from '../../shared/schemas/resources'
import type { Database } from '../db/client'
import { createResource } from '../modules/resources/resources-service'
import { createTheme } from '../modules/resources/themes-service'

const themes = [
  { slug: 'metiers', name: { fr: 'Découvrir les métiers', en: 'Discovering occupations' } },
  { slug: 'etudes', name: { fr: 'Études et orientation', en: 'Studies and choices' } },
  { slug: 'cv-candidature', name: { fr: 'CV et candidatures', en: 'CVs and applications' } },
  { slug: 'entretien', name: { fr: 'Entretien d’embauche', en: 'Job interviews' } },
  { slug: 'formation', name: { fr: 'Formation et financement', en: 'Training and funding' } },
  { slug: 'alternance', name: { fr: 'Alternance', en: 'Apprenticeships' } },
  { slug: 'creation', name: { fr: 'Création d’entreprise', en: 'Starting a business' } },
  { slug: 'international', name: { fr: 'Europe et international', en: 'Europe and abroad' } },
  { slug: 'droits', name: { fr: 'Droits et démarches', en: 'Rights and procedures' } },
]

type DemoResource = Omit<ResourceInput, 'areaIds' | 'themeIds'> & {
  areas: string[]
  themes: string[]
  /** Contributed by the demo partner coordinator's partner (shown to staff only). */
  fromPartner?: boolean
}

const resources: DemoResource[] = [
  {
    type: 'website',
    title: 'ONISEP — l’information sur les métiers et les formations',
    summary:
      'Le site public de l’orientation : fiches métiers, formations après la 3e et après le bac, établissements, témoignages.',
    languages: ['fr'],
    audiences: ['young_people', 'students', 'adults'],
    url: 'https://www.onisep.fr',
    publisher: 'ONISEP',
    areas: ['choisir-orientation', 'se-former'],
    themes: ['metiers', 'etudes'],
  },
  {
    type: 'video',
    title: 'Les métiers en vidéo',
    summary: 'Des centaines de courtes vidéos où des professionnels montrent leur travail au quotidien.',
    languages: ['fr'],
    audiences: ['young_people', 'students'],
    url: 'https://oniseptv.onisep.fr',
    publisher: 'ONISEP',
    areas: ['choisir-orientation'],
    themes: ['metiers'],
  },
  {
    type: 'guide',
    title: 'Les métiers du soin et de l’accompagnement',
    summary:
      'Aide-soignant, infirmière, auxiliaire de puériculture, accompagnant éducatif et social : missions, études, salaires, débouchés.',
    languages: ['fr'],
    audiences: ['young_people', 'students', 'job_seekers'],
    shelf: 'A3 — Santé et social',
    copies: 3,
    publisher: 'ONISEP, collection Parcours',
    lastReviewed: '2025-02-10',
    areas: ['choisir-orientation', 'changer-vie-pro'],
    themes: ['metiers'],
  },
  {
    type: 'guide',
    title: 'Les métiers du numérique',
    summary:
      'Développeur, technicien réseau, data analyst, UX designer : ce que l’on fait, comment s’y former.',
    languages: ['fr'],
    audiences: ['young_people', 'students', 'workers'],
    shelf: 'A5 — Numérique',
    copies: 2,
    publisher: 'ONISEP, collection Parcours',
    lastReviewed: '2024-11-04',
    areas: ['choisir-orientation', 'changer-vie-pro'],
    themes: ['metiers'],
  },
  {
    type: 'book',
    title: 'Après le bac : choisir ses études supérieures',
    summary: 'Universités, BTS, BUT, écoles, classes prépa : comparer les voies et préparer ses vœux.',
    languages: ['fr'],
    audiences: ['young_people', 'students'],
    shelf: 'A1 — Orientation',
    copies: 4,
    publisher: 'ONISEP',
    lastReviewed: '2025-01-06',
    areas: ['choisir-orientation'],
    themes: ['etudes'],
  },
  {
    type: 'website',
    title: 'Parcoursup',
    summary: 'La plateforme nationale d’admission en première année de l’enseignement supérieur.',
    languages: ['fr'],
    audiences: ['young_people', 'students'],
    url: 'https://www.parcoursup.fr',
    publisher: 'Ministère de l’Enseignement supérieur',
    areas: ['choisir-orientation'],
    themes: ['etudes'],
  },
  {
    type: 'leaflet',
    title: 'Le CV en 10 questions',
    summary:
      'Une fiche simple pour écrire son premier CV : quoi mettre, dans quel ordre, et ce qu’il vaut mieux éviter.',
    languages: ['fr'],
    audiences: ['job_seekers', 'young_people', 'newcomers'],
    easyRead: true,
    shelf: 'Présentoir de l’entrée',
    copies: 50,
    publisher: 'Cité des Métiers de Démo',
    lastReviewed: '2025-03-12',
    areas: ['trouver-emploi'],
    themes: ['cv-candidature'],
  },
  {
    type: 'book',
    title: 'Le guide du CV et de la lettre de motivation',
    summary: 'Modèles commentés pour tous les profils : premier emploi, reconversion, retour à l’emploi.',
    languages: ['fr'],
    audiences: ['job_seekers', 'adults'],
    shelf: 'B2 — Emploi',
    copies: 3,
    publisher: 'Éditions de la Démo',
    lastReviewed: '2024-09-20',
    areas: ['trouver-emploi'],
    themes: ['cv-candidature'],
  },
  {
    type: 'video',
    title: 'Réussir son entretien d’embauche',
    summary:
      'Vingt minutes de mises en situation : se présenter, parler de ses expériences, répondre aux questions difficiles.',
    languages: ['fr'],
    audiences: ['job_seekers', 'young_people'],
    shelf: 'Poste multimédia 2',
    copies: 1,
    publisher: 'Cité des Métiers de Démo',
    areas: ['trouver-emploi'],
    themes: ['entretien'],
  },
  {
    type: 'website',
    title: 'France Travail — offres d’emploi et services',
    summary: 'Chercher des offres, s’inscrire, préparer sa candidature et ses entretiens.',
    languages: ['fr'],
    audiences: ['job_seekers', 'adults'],
    url: 'https://www.francetravail.fr',
    publisher: 'France Travail',
    areas: ['trouver-emploi'],
    themes: ['cv-candidature', 'entretien'],
  },
  {
    type: 'periodical',
    title: 'Rebondir',
    summary: 'Le magazine de l’emploi et de la reconversion : secteurs qui recrutent, conseils, témoignages.',
    languages: ['fr'],
    audiences: ['job_seekers', 'workers'],
    shelf: 'Kiosque presse',
    copies: 1,
    publisher: 'Rebondir',
    areas: ['trouver-emploi', 'changer-vie-pro'],
    themes: ['cv-candidature'],
  },
  {
    type: 'website',
    title: 'Mon Compte Formation',
    summary: 'Consulter ses droits à la formation (CPF) et trouver une formation finançable.',
    languages: ['fr'],
    audiences: ['workers', 'job_seekers', 'adults'],
    url: 'https://www.moncompteformation.gouv.fr',
    publisher: 'Caisse des Dépôts',
    areas: ['se-former', 'changer-vie-pro'],
    themes: ['formation'],
  },
  {
    type: 'leaflet',
    title: 'Financer sa formation : CPF, projet de transition, aides de la région',
    summary: 'Qui peut payer quoi, selon que l’on est salarié, demandeur d’emploi ou indépendant.',
    languages: ['fr'],
    audiences: ['workers', 'job_seekers'],
    shelf: 'B4 — Formation',
    copies: 30,
    publisher: 'Région Démo',
    lastReviewed: '2025-01-20',
    areas: ['se-former', 'changer-vie-pro'],
    themes: ['formation'],
  },
  {
    type: 'fact_sheet',
    title: 'L’apprentissage en 8 points',
    summary: 'Âge, contrat, salaire, école, employeur : l’essentiel pour se former en alternance.',
    languages: ['fr'],
    audiences: ['young_people', 'job_seekers'],
    easyRead: true,
    shelf: 'B4 — Formation',
    copies: 20,
    publisher: 'Cité des Métiers de Démo',
    areas: ['se-former', 'trouver-emploi'],
    themes: ['alternance'],
  },
  {
    type: 'website',
    title: 'Le portail de l’alternance',
    summary: 'Trouver une entreprise et une formation en apprentissage, simuler sa rémunération.',
    languages: ['fr'],
    audiences: ['young_people', 'students'],
    url: 'https://www.alternance.emploi.gouv.fr',
    publisher: 'Ministère du Travail',
    areas: ['se-former'],
    themes: ['alternance'],
  },
  {
    type: 'leaflet',
    title: 'Jobs d’été et premiers emplois : le guide',
    summary:
      'Où chercher, à quel âge, quels contrats, et comment se présenter quand on n’a jamais travaillé.',
    languages: ['fr'],
    audiences: ['young_people'],
    easyRead: true,
    shelf: 'Présentoir de l’entrée',
    copies: 40,
    publisher: 'Information Jeunesse',
    lastReviewed: '2025-04-01',
    areas: ['trouver-emploi'],
    themes: ['cv-candidature'],
    fromPartner: true,
  },
  {
    type: 'book',
    title: 'Créer son entreprise : le guide pratique',
    summary: 'De l’idée au lancement : étude de marché, statut, financement, premières démarches.',
    languages: ['fr'],
    audiences: ['adults', 'job_seekers', 'workers'],
    shelf: 'C1 — Création d’activité',
    copies: 2,
    publisher: 'Bpifrance Création',
    lastReviewed: '2024-12-02',
    areas: ['creer-activite'],
    themes: ['creation'],
  },
  {
    type: 'website',
    title: 'Bpifrance Création',
    summary: 'Fiches pratiques, outils et annuaire des réseaux d’accompagnement à la création d’entreprise.',
    languages: ['fr'],
    audiences: ['adults', 'job_seekers'],
    url: 'https://bpifrance-creation.fr',
    publisher: 'Bpifrance',
    areas: ['creer-activite'],
    themes: ['creation'],
  },
  {
    type: 'tool',
    title: 'Questionnaire d’intérêts professionnels',
    summary:
      'Un questionnaire à faire sur place pour repérer les activités qui vous plaisent, puis en parler avec un conseiller.',
    languages: ['fr', 'en'],
    audiences: ['young_people', 'adults', 'workers'],
    easyRead: true,
    shelf: 'Poste multimédia 1',
    publisher: 'Cité des Métiers de Démo',
    areas: ['choisir-orientation', 'changer-vie-pro'],
    themes: ['metiers'],
  },
  {
    type: 'website',
    title: 'EURES — le portail européen de la mobilité de l’emploi',
    summary: 'Offres d’emploi dans toute l’Europe, conditions de vie et de travail pays par pays.',
    languages: ['fr', 'en', 'es', 'de', 'it'],
    audiences: ['job_seekers', 'workers', 'young_people'],
    url: 'https://eures.europa.eu',
    publisher: 'Commission européenne',
    areas: ['travailler-etranger'],
    themes: ['international'],
  },
  {
    type: 'guide',
    title: 'Working in France: a practical guide for newcomers',
    summary: 'Work permits, recognition of diplomas, French classes, finding a first job.',
    languages: ['en'],
    audiences: ['newcomers', 'adults'],
    shelf: 'D1 — International',
    copies: 2,
    publisher: 'Éditions de la Démo',
    areas: ['travailler-etranger', 'trouver-emploi'],
    themes: ['international', 'droits'],
    fromPartner: true,
  },
  {
    type: 'fact_sheet',
    title: 'Travailler en France quand on arrive d’ailleurs : vos droits',
    summary:
      'Titre de séjour et travail, équivalence des diplômes, où se faire aider. Existe aussi en anglais et en arabe.',
    languages: ['fr', 'en', 'ar'],
    audiences: ['newcomers'],
    easyRead: true,
    shelf: 'Présentoir de l’entrée',
    copies: 25,
    publisher: 'Cité des Métiers de Démo',
    areas: ['trouver-emploi', 'travailler-etranger'],
    themes: ['droits', 'international'],
  },
  {
    type: 'website',
    title: 'Service-Public.fr — travail et formation',
    summary:
      'Les démarches officielles et les droits des salariés, des demandeurs d’emploi et des stagiaires.',
    languages: ['fr'],
    audiences: ['adults', 'workers', 'job_seekers'],
    url: 'https://www.service-public.fr',
    publisher: 'Direction de l’information légale et administrative',
    areas: ['trouver-emploi', 'se-former'],
    themes: ['droits'],
  },
]

/** The demo centre's documentation: themes and some twenty guides, leaflets, sites and videos. */
export async function seedDemoCatalogue(options: {
  db: Database
  centreId: string
  areaId: (slug: string) => string
  partnerId: string
}) {
  const { db, centreId } = options
  const themeIds = new Map<string, string>()
  for (const theme of themes) {
    const row = await createTheme({ db, centreId, actorUserId: null, input: theme })
    themeIds.set(theme.slug, row.id)
  }
  for (const { areas, themes: slugs, fromPartner, ...input } of resources) {
    await createResource({
      db,
      centreId,
      actorUserId: null,
      writer: fromPartner ? { kind: 'partner', partnerId: options.partnerId } : { kind: 'manager' },
      input: {
        ...input,
        areaIds: areas.map(options.areaId),
        themeIds: slugs.map((slug) => themeIds.get(slug) ?? ''),
      },
    })
  }
}
