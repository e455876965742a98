import { TZDate } from '@date-fns/tz'
import { addDays } from 'date-fns'
import type { EventInput, SessionInput } from '../../shared/schemas/events'
import type { Database } from '../db/client'
import { localDateOf } from '../modules/centres/opening-status'
import { createEvent } from '../modules/events/events-service'

type Names = (name: string) => string

/** A day from the seed's today (`0` = today), at a wall-clock time of the centre. */
function at(today: string, days: number, time: string, timeZone: string) {
  const date = addDays(new Date(`${today}T12:00:00Z`), days)
  const [hours = 0, minutes = 0] = time.split(':').map(Number)
  return new TZDate(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    hours,
    minutes,
    timeZone,
  ).toISOString()
}

/**
 * The demo centre's programme for the coming weeks: a weekly CV workshop with seats kept for the day,
 * a founders' club, a free-entry information session, a recruitment day co-organised with an outside
 * firm and a visit off-site — enough to see every kind of session on the programme pages.
 */
export async function seedDemoEvents(options: {
  db: Database
  centreId: string
  timeZone: string
  now: Date
  partner: Names
  area: Names
}) {
  const { timeZone, partner, area } = options
  const today = localDateOf(options.now, timeZone)
  // The next Tuesday (or today, if it is one), then every week.
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay()
  const tuesday = (2 - weekday + 7) % 7
  const session = (days: number, from: string, to: string, extra: Partial<SessionInput> = {}) => ({
    startsAt: at(today, days, from, timeZone),
    endsAt: at(today, days, to, timeZone),
    ...extra,
  })
  const events: EventInput[] = [
    {
      type: 'workshop',
      title: { fr: 'Réussir son CV', en: 'Writing a CV that works' },
      description: {
        fr: 'Deux heures pour construire ou revoir votre CV avec une conseillère : mettre en valeur votre parcours, choisir les mots des offres, soigner la mise en page.\n\nApportez votre CV si vous en avez un, sur papier ou sur clé USB.',
        en: 'Two hours to write or review your CV with a counsellor: make the most of your path, use the words of job ads, get the layout right.\n\nBring your CV if you have one, on paper or on a USB stick.',
      },
      audiences: ['job_seekers', 'adults', 'young_people'],
      language: 'fr',
      accessibility: ['step_free', 'induction_loop'],
      place: 'Salle Jean Zay (1er étage)',
      partnerIds: [partner('Agence locale pour l’emploi (fictive)')],
      areaIds: [area('trouver-emploi')],
      sessions: [0, 7, 14, 21, 28, 35].map((week) =>
        session(tuesday + week, '14:00', '16:00', {
          booking: true,
          capacity: 12,
          walkInSeats: 2,
          walkInReleaseAt: at(today, tuesday + week, '12:00', timeZone),
          maxGroup: 2,
        }),
      ),
    },
    {
      type: 'club',
      title: { fr: 'Club des créateurs', en: 'Founders’ club' },
      description: {
        fr: 'Chaque semaine, des porteurs de projet se retrouvent pour avancer ensemble : étude de marché, statut, financement. Un conseiller de la Maison de la Création anime.',
        en: 'Every week, people with a business project meet to move forward together: market study, legal status, funding. A business adviser leads.',
      },
      audiences: ['adults', 'job_seekers'],
      language: 'fr',
      accessibility: ['step_free'],
      place: 'Espace Créer son activité',
      partnerIds: [partner('Maison de la Création Démo')],
      areaIds: [area('creer-activite')],
      sessions: [1, 8, 15, 22, 29, 36].map((days) =>
        session(tuesday + days, '10:00', '12:00', { booking: true, capacity: 10, maxGroup: 1 }),
      ),
    },
    {
      type: 'information_session',
      title: {
        fr: 'La validation des acquis de l’expérience (VAE)',
        en: 'Getting a qualification from your experience (VAE)',
      },
      description: {
        fr: 'Comment faire reconnaître votre expérience par un diplôme : les étapes, les délais, les financements. Entrée libre, sans réservation.',
        en: 'How to turn your experience into a qualification: steps, timing, funding. Free entry, no booking.',
      },
      audiences: ['workers', 'job_seekers', 'adults'],
      language: 'fr',
      accessibility: ['step_free', 'live_captions'],
      place: 'Auditorium',
      partnerIds: [partner('Réseau Formation Continue Démo')],
      areaIds: [area('changer-vie-pro'), area('se-former')],
      sessions: [session(tuesday + 2, '17:30', '19:00'), session(tuesday + 23, '17:30', '19:00')],
    },
    {
      type: 'recruitment_day',
      title: { fr: 'Job dating : métiers de la logistique', en: 'Job dating: logistics jobs' },
      description: {
        fr: 'Rencontrez des recruteurs de la logistique en entretiens courts. Des postes avec ou sans expérience.',
        en: 'Meet logistics recruiters in short interviews. Jobs with or without experience.',
      },
      audiences: ['job_seekers', 'young_people'],
      language: 'fr',
      accessibility: ['step_free'],
      place: 'Hall d’accueil',
      partnerIds: [partner('Agence locale pour l’emploi (fictive)'), partner('Mission Jeunesse Démo')],
      coOrganisers: ['Transports Exemple SA'],
      areaIds: [area('trouver-emploi')],
      sessions: [
        session(tuesday + 9, '09:30', '12:30', {
          booking: true,
          capacity: 40,
          prioritySeats: 10,
          maxGroup: 1,
        }),
      ],
    },
    {
      type: 'information_session',
      title: { fr: 'Partir travailler en Europe', en: 'Working elsewhere in Europe' },
      description: {
        fr: 'Programmes de mobilité, reconnaissance des diplômes, protection sociale : ce qu’il faut savoir avant de partir.',
        en: 'Mobility programmes, recognition of qualifications, social security: what to know before you go.',
      },
      audiences: ['young_people', 'students', 'adults'],
      language: 'en',
      accessibility: ['step_free'],
      place: 'Espace Travailler à l’étranger',
      partnerIds: [partner('Bureau Mobilité Internationale Démo')],
      areaIds: [area('travailler-etranger')],
      sessions: [session(tuesday + 3, '15:00', '16:30', { booking: true, capacity: 20, maxGroup: 4 })],
    },
    {
      type: 'visit',
      title: {
        fr: 'Visite d’un centre de formation du bâtiment',
        en: 'Visit to a building trades training centre',
      },
      description: {
        fr: 'Découvrir les ateliers, parler avec des apprentis et des formateurs. Rendez-vous sur place.',
        en: 'See the workshops, talk with apprentices and trainers. Meet on site.',
      },
      audiences: ['young_people', 'job_seekers'],
      language: 'fr',
      accessibility: [],
      place: '12 rue de l’Exemple, 93000 Ville-Démo',
      offSite: true,
      partnerIds: [partner('Mission Jeunesse Démo')],
      coOrganisers: ['Campus des Métiers Exemple'],
      areaIds: [area('choisir-orientation'), area('se-former')],
      sessions: [session(tuesday + 16, '09:30', '12:00', { booking: true, capacity: 15, maxGroup: 3 })],
    },
  ]
  for (const input of events)
    await createEvent({
      db: options.db,
      centreId: options.centreId,
      actorUserId: null,
      writer: { kind: 'manager' },
      input,
      now: options.now,
    })
}
