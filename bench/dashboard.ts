import { addDays, addMonths, endOfMonth, format, parseISO, startOfMonth } from 'date-fns'
import { type SQL, sql } from 'drizzle-orm'
import type { Database, DatabaseHandle } from '../src/server/db/client'
import { rowsOf } from '../src/server/db/rows'
import { event } from '../src/server/db/schema/events'
import { loadSecret } from '../src/server/db/secret'
import { createApiToken } from '../src/server/modules/auth/api-tokens'
import { createAuth } from '../src/server/modules/auth/auth'
import { createArea } from '../src/server/modules/centres/areas-service'
import { createDesk } from '../src/server/modules/centres/desks-service'
import { replaceWeeklyHours } from '../src/server/modules/centres/hours-service'
import { localDateOf } from '../src/server/modules/centres/opening-status'
import { saveTheme } from '../src/server/modules/interviews/interview-service'
import { createPartner } from '../src/server/modules/partners/partners-service'
import { addStaff } from '../src/server/modules/staff/staff-service'
import { foldStatistics, purgeRawRecords } from '../src/server/modules/statistics/retention'
import { ageBands, educationLevels, referralSources, situations } from '../src/shared/schemas/profiles'
import { createBenchCentre, type Engine, onEachEngine, withMigratedDatabase } from './support/engines'
import { percentile, printTable } from './support/figures'
import { citeScript, type Served, startServer, stop } from './support/processes'

/**
 * The statistics dashboards of a large centre with a year behind it: 300,000 walk-in visits (each with
 * its steps: issued, called, started, finished, a few transferred, no-shows, left or cancelled), 60,000
 * interviews with their themes, outcomes and referrals, 20,000 visit profiles, a year of event sessions
 * with their bookings, and the self-service counts of every day. The year is written with a few
 * set-based INSERT … SELECT (pseudo-random choices over generate_series), not one request per visit;
 * then every past day is folded into daily facts and the retention period applied, as the server does
 * every hour. Figures: the time to write the year, to fold it and to apply the retention period, and the
 * latency of each dashboard endpoint over HTTP — `cdm serve` in a process of its own, a manager's API
 * token — for the whole year and for last month, with one client and with four at once: p50, p95 and
 * p99. On PGlite and on PostgreSQL; timings are printed, never asserted. An endpoint the server does not
 * have (404) is reported as such.
 */

const TICKETS = 300_000
const INTERVIEWS = 60_000
const PROFILES = 20_000
const TIMEZONE = 'Europe/Paris'
const REQUESTS = 50
const WARM_UP = 5
const CLIENTS = [1, 4] as const
const TARGET_P95_MS = 200
/** `cdm serve` runs its first retention pass this long after starting. */
const RETENTION_DELAY_MS = 30_000

/** Six areas; the first ones busier, as the employment desk usually is. */
const AREAS = [
  { slug: 'emploi', name: 'Trouver un emploi', letter: 'E', weight: 30 },
  { slug: 'metier', name: 'Choisir un métier', letter: 'M', weight: 22 },
  { slug: 'formation', name: 'Se former', letter: 'F', weight: 20 },
  { slug: 'reconversion', name: 'Changer de métier', letter: 'R', weight: 13 },
  { slug: 'creation', name: 'Créer son activité', letter: 'C', weight: 9 },
  { slug: 'international', name: 'Travailler à l’étranger', letter: 'I', weight: 6 },
] as const
const DESKS_PER_AREA = 2
const THEMES_PER_AREA = 5
const PARTNERS = [
  ['France Travail', 'employment_service'],
  ['Mission locale', 'youth'],
  ['CIO', 'education_guidance'],
  ['Greta', 'training'],
  ['BGE', 'business_creation'],
  ['Chambre de commerce', 'chamber'],
  ['Cap emploi', 'social'],
  ['Eurodesk', 'association'],
] as const
/** 40 services referred to (the first ones most often). */
const REFERRAL_LABELS = [
  'France Travail',
  'Mission locale',
  'CIO',
  'Greta',
  'BGE',
  'Cap emploi',
  'CIDJ',
  'Afpa',
].flatMap((organisation) =>
  ['Nord', 'Sud', 'Est', 'Ouest', 'Centre'].map((site) => `${organisation} ${site}`),
)
const EVENT_TYPES = ['workshop', 'workshop', 'club', 'information_session', 'conference', 'forum'] as const
/** Arrival hours 9–18, busiest mid-morning and early afternoon. */
const HOURS = { 9: 6, 10: 13, 11: 14, 12: 8, 13: 7, 14: 13, 15: 14, 16: 12, 17: 9, 18: 4 }
const CHANNELS = { kiosk: 70, reception: 25, portal: 5 }
const LANGUAGES = { fr: 84, en: 7, ar: 4, es: 3, pt: 2 }

type Period = { name: string; from: string; to: string }
type Endpoint = { name: string; path: (slug: string) => string; as: 'manager' | 'network'; query?: string }

const ENDPOINTS: Endpoint[] = [
  { name: 'visits', path: (slug) => `/api/v1/centres/${slug}/statistics/visits`, as: 'manager' },
  { name: 'interviews', path: (slug) => `/api/v1/centres/${slug}/statistics/interviews`, as: 'manager' },
  { name: 'profiles', path: (slug) => `/api/v1/centres/${slug}/statistics/profiles`, as: 'manager' },
  { name: 'events', path: (slug) => `/api/v1/centres/${slug}/statistics/events`, as: 'manager' },
  { name: 'self-service', path: (slug) => `/api/v1/centres/${slug}/statistics/self-service`, as: 'manager' },
  {
    name: 'export.csv visits-by-day',
    path: (slug) => `/api/v1/centres/${slug}/statistics/export.csv`,
    query: 'table=visits-by-day',
    as: 'manager',
  },
  { name: 'network', path: () => '/api/v1/network/statistics', as: 'network' },
]

type Prepared = {
  slug: string
  tokens: Record<Endpoint['as'], string>
  rows: Record<string, number>
  /** Raw rows left once the retention period has been applied. */
  kept: Record<string, number>
  generateSeconds: Record<string, number>
  foldSeconds: number
  foldedDays: number
  facts: number
  /** The first retention pass (a year past the period), then one with nothing left to fold or delete. */
  purgeSeconds: number
  hourlySeconds: number
  /** PostgreSQL only: VACUUM ANALYZE, as its autovacuum would have done by the time anyone reads. */
  analyseSeconds: number | null
}
/** One endpoint over one period: its latencies by number of clients, or why there are none. */
type Measured = {
  endpoint: string
  period: string
  status: 'measured' | 'absent' | 'failed'
  note: string
  byClients: Record<number, number[]>
  bytes: number
}
type Sample = { prepared: Prepared; latencies: Measured[] }

const shift = (date: string, days: number) => format(addDays(parseISO(date), days), 'yyyy-MM-dd')
const seconds = (since: number) => (performance.now() - since) / 1000
/** A number written into the statement itself (our constants only), where a parameter's type would be unknown. */
const n = (value: number) => sql.raw(String(value))

/** Values repeated as often as their weight says, so a uniform pick among them follows the weights. */
const weighted = (weights: Record<string | number, number>) =>
  Object.entries(weights).flatMap(([value, weight]) => Array.from({ length: weight }, () => value))

/** One of `values`, picked per row in SQL (the list is one parameter, read once per statement). */
const pick = (values: readonly string[]) =>
  sql`(array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)))[1 + floor(random() * ${n(values.length)})::int]`

/** The centre, its areas, desks, partners and interview themes, and the two readers' tokens. */
async function buildCentre(db: Database) {
  const centre = await createBenchCentre(db, { timezone: TIMEZONE, languages: ['fr', 'en'] })
  await replaceWeeklyHours({
    db,
    centreId: centre.id,
    actorUserId: null,
    input: { spans: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '19:00' })) },
  })
  const areaIds: string[] = []
  for (const [position, place] of AREAS.entries()) {
    const created = await createArea({
      db,
      centreId: centre.id,
      actorUserId: null,
      input: {
        slug: place.slug,
        name: { fr: place.name },
        colour: '#336699',
        pictogram: 'compass',
        ticketLetter: place.letter,
        position,
      },
    })
    areaIds.push(created.id)
    for (let desk = 1; desk <= DESKS_PER_AREA; desk++)
      await createDesk({
        db,
        centreId: centre.id,
        actorUserId: null,
        input: { name: `${place.letter}${desk}`, areaIds: [created.id], position: position * 10 + desk },
      })
    for (let theme = 1; theme <= THEMES_PER_AREA; theme++)
      await saveTheme({
        db,
        centreId: centre.id,
        actorUserId: null,
        input: {
          slug: `${place.slug}-${theme}`,
          name: { fr: `${place.name}, thème ${theme}` },
          areaId: created.id,
          position: theme,
        },
      })
  }
  for (const [index, [name, type]] of PARTNERS.entries())
    await createPartner({
      db,
      centreId: centre.id,
      actorUserId: null,
      input: { name, type, areaIds: [areaIds[index % areaIds.length] ?? ''] },
    })
  const auth = createAuth({ db, secret: await loadSecret(db, undefined), baseUrl: 'http://127.0.0.1' })
  const tokenOf = async (role: 'manager' | 'network_admin') => {
    const staff = await addStaff({
      db,
      auth,
      actorUserId: null,
      input: {
        email: `${role}@bench.example`,
        name: role,
        role,
        centreId: role === 'network_admin' ? null : centre.id,
      },
    })
    return (await createApiToken({ db, userId: staff.userId, label: 'bench' })).token
  }
  return {
    centre,
    tokens: { manager: await tokenOf('manager'), network: await tokenOf('network_admin') },
  }
}

/**
 * The year's visits: a working table of one row per ticket with every choice made, then the tickets
 * (numbered per day and area, as the kiosk numbers them) and their steps from it, in one transaction.
 * Nine in ten visits are served (one served visit in sixteen after a transfer to the next area), the rest
 * did not answer their call, left before it or cancelled; waits run from 0 to 90 minutes, mostly short.
 */
async function writeVisits(db: Database, centreId: string, firstDay: string, now: Date) {
  const timings: Record<string, number> = {}
  await db.transaction(async (tx) => {
    let started = performance.now()
    await tx.execute(sql`create temp table bench_visit on commit drop as
      with lists as (
        select
          (select array_agg(d::date order by d) from generate_series(${firstDay}::date, ${localDateOf(now, TIMEZONE)}::date, interval '1 day') d
            where extract(isodow from d) < 7) as days,
          (select array_agg(id order by position) from area where centre_id = ${centreId}) as areas,
          (select array_agg(id order by position) from desk where centre_id = ${centreId}) as desks
      ),
      picked as (
        select gen_random_uuid() as id, days[1 + floor(random() * cardinality(days))::int] as day,
          ${pick(weighted(HOURS))}::int as hour, floor(random() * 3600) as second,
          ${pick(weighted(Object.fromEntries(AREAS.map((place, index) => [index + 1, place.weight]))))}::int as area_no,
          floor(random() * ${n(DESKS_PER_AREA)})::int as desk_no, floor(random() * ${n(DESKS_PER_AREA)})::int as next_desk_no,
          random() as r_status, random() as r_transfer,
          ${pick(weighted(CHANNELS))} as channel, ${pick(weighted(LANGUAGES))} as language,
          random() < 0.05 as priority,
          floor(91 * random() ^ 2) * 60 + floor(random() * 60) as wait_seconds,
          (4 + floor(41 * random())) * 60 + floor(random() * 60) as service_seconds,
          120 + floor(random() * 900) as first_service_seconds,
          areas, desks
        from generate_series(1, ${n(TICKETS)}) cross join lists
      ),
      shaped as (
        select id, day, channel, language, priority, wait_seconds, service_seconds, first_service_seconds,
          (day + make_interval(hours => hour, secs => second)) at time zone ${TIMEZONE} as created_at,
          (day + time '19:00') at time zone ${TIMEZONE} as closing,
          areas[area_no] as issued_area_id, areas[area_no % ${n(AREAS.length)} + 1] as next_area_id,
          desks[(area_no - 1) * ${n(DESKS_PER_AREA)} + desk_no + 1] as desk_id,
          desks[(area_no % ${n(AREAS.length)}) * ${n(DESKS_PER_AREA)} + next_desk_no + 1] as next_desk_id,
          case when r_status < 0.88 then 'done' when r_status < 0.94 then 'no_show'
               when r_status < 0.98 then 'closed' else 'cancelled' end as status,
          r_status < 0.88 and r_transfer < 0.0625 as transferred
        from picked
      ),
      timed as (
        select *, case when status in ('done', 'no_show') then created_at + make_interval(secs => wait_seconds) end as called_at
        from shaped
      )
      select id, day, channel, language, priority, status, issued_area_id, created_at, called_at,
        case when transferred then next_area_id else issued_area_id end as area_id,
        case when status in ('done', 'no_show') then desk_id end as desk_id,
        case when transferred then next_desk_id when status in ('done', 'no_show') then desk_id end as last_desk_id,
        case when transferred then called_at + interval '1 minute' end as first_started_at,
        case when transferred then called_at + make_interval(secs => 60 + first_service_seconds) end as transferred_at,
        case when transferred then called_at + make_interval(secs => 300 + first_service_seconds) end as recalled_at,
        case when transferred then called_at + make_interval(secs => 360 + first_service_seconds)
             when status = 'done' then called_at + interval '1 minute' end as started_at,
        case when transferred then called_at + make_interval(secs => 360 + first_service_seconds + service_seconds)
             when status = 'done' then called_at + make_interval(secs => 60 + service_seconds)
             when status = 'no_show' then called_at + interval '3 minutes'
             when status = 'closed' then closing
             else created_at + make_interval(secs => wait_seconds) end as ended_at
      from timed
      where created_at < ${now.toISOString()}::timestamptz`)
    timings.choices = seconds(started)
    started = performance.now()
    await tx.execute(sql`insert into ticket (id, centre_id, area_id, service_date, code, language, priority,
        channel, status, queued_at, called_at, called_desk_id, started_at, ended_at, track_token_hash, created_at)
      select v.id, ${centreId}, v.area_id, v.day,
        a.ticket_letter || '-' || lpad((row_number() over (partition by v.day, v.issued_area_id order by v.created_at))::text, 3, '0'),
        v.language, v.priority, v.channel, v.status, v.created_at, coalesce(v.recalled_at, v.called_at),
        v.last_desk_id, v.started_at, v.ended_at, md5(v.id::text), v.created_at
      from bench_visit v join area a on a.id = v.issued_area_id`)
    timings.tickets = seconds(started)
    started = performance.now()
    await tx.execute(sql`insert into ticket_step (ticket_id, kind, at, area_id, desk_id)
      select v.id, s.kind, s.at, s.area_id, s.desk_id from bench_visit v cross join lateral (values
        ('issued', v.created_at, v.issued_area_id, null::uuid),
        ('called', v.called_at, v.issued_area_id, v.desk_id),
        ('started', v.first_started_at, null, v.desk_id),
        ('transferred', v.transferred_at, v.area_id, v.desk_id),
        ('called', v.recalled_at, v.area_id, v.last_desk_id),
        ('started', v.started_at, null, v.last_desk_id),
        ('finished', case when v.status = 'done' then v.ended_at end, null, v.last_desk_id),
        ('no_show', case when v.status = 'no_show' then v.ended_at end, null, v.desk_id),
        ('cancelled', case when v.status = 'cancelled' then v.ended_at end, null, null)
      ) s(kind, at, area_id, desk_id)
      where s.at is not null`)
    timings.steps = seconds(started)
  })
  return timings
}

/** Interviews recorded at the end of served visits, each of its area's five themes ticked two times in five, and referrals. */
async function writeInterviews(db: Database, centreId: string) {
  const timings: Record<string, number> = {}
  let started = performance.now()
  const outcome = (name: string, chance: number) => sql`case when random() < ${n(chance)} then ${name} end`
  await db.execute(sql`insert into interview (centre_id, area_id, desk_id, partner_id, ticket_id, service_date,
      started_at, ended_at, duration_seconds, language, outcomes, created_at)
    select t.centre_id, t.area_id, t.called_desk_id,
      case when random() < 0.7 then partners[1 + floor(random() * cardinality(partners))::int] end,
      t.id, t.service_date, t.started_at, t.ended_at, extract(epoch from t.ended_at - t.started_at)::int,
      t.language,
      coalesce(nullif(array_remove(array[${outcome('information', 0.75)}, ${outcome('resources', 0.35)},
        ${outcome('referral', 0.3)}, ${outcome('transfer', 0.05)}, ${outcome('come_back', 0.15)},
        ${outcome('event', 0.1)}]::text[], null), '{}'), array['information']),
      t.ended_at
    from ticket t cross join (select array_agg(id order by name) as partners from partner where centre_id = ${centreId}) p
    where t.centre_id = ${centreId} and t.status = 'done'
    order by md5(t.id::text) limit ${n(INTERVIEWS)}`)
  // A sample ordered by a digest of the id, not by random(): PostgreSQL would compute the row's other
  // random() calls as the sort key's, and every interview sampled would have the same outcomes.
  timings.interviews = seconds(started)
  started = performance.now()
  await db.execute(sql`insert into interview_theme_link (interview_id, theme_id)
    select i.id, t.id from interview i join interview_theme t on t.area_id = i.area_id
    where i.centre_id = ${centreId} and random() < 0.4`)
  timings.themes = seconds(started)
  started = performance.now()
  // One referral, or two for three interviews in ten (decided by the id: a random() that names no column
  // would be drawn once per statement); some services far more often than others.
  await db.execute(sql`insert into interview_referral (interview_id, label)
    select i.id, (array(select jsonb_array_elements_text(${JSON.stringify(REFERRAL_LABELS)}::jsonb)))[1 + floor(${n(REFERRAL_LABELS.length)} * random() ^ 2)::int]
    from interview i cross join lateral generate_series(1, case when abs(hashtext(i.id::text)) % 10 < 3 then 2 else 1 end)
    where i.centre_id = ${centreId} and 'referral' = any(i.outcomes)`)
  timings.referrals = seconds(started)
  return timings
}

/** Profiles given at one visit in fifteen, most questions answered. */
async function writeProfiles(db: Database, centreId: string) {
  const started = performance.now()
  const answers = (values: readonly string[], noAnswer: number) =>
    weighted(Object.fromEntries(values.map((value) => [value, value === 'no_answer' ? noAnswer : 10])))
  await db.execute(sql`insert into visit_profile (centre_id, ticket_id, service_date, age_band, situation,
      education, first_visit, heard_from, recorded_at)
    select t.centre_id, t.id, t.service_date, ${pick(answers(ageBands, 5))}, ${pick(answers(situations, 5))},
      ${pick(answers(educationLevels, 15))}, ${pick(weighted({ yes: 60, no: 35, no_answer: 5 }))},
      ${pick(answers(referralSources, 10))}, t.created_at + interval '2 minutes'
    from ticket t where t.centre_id = ${centreId}
    order by md5(t.id::text) limit ${n(PROFILES)}`)
  return { profiles: seconds(started) }
}

/** Two sessions a day of a dozen events, most with booking, each booked 6 to 20 times. */
async function writeEvents(db: Database, centreId: string, firstDay: string, now: Date) {
  let started = performance.now()
  const events = await db
    .insert(event)
    .values(
      Array.from({ length: 12 }, (_, index) => ({
        centreId,
        type: EVENT_TYPES[index % EVENT_TYPES.length] ?? 'workshop',
        title: { fr: `Événement ${index + 1}` },
        description: {},
        language: 'fr',
        place: 'Salle',
      })),
    )
    .returning({ id: event.id })
  await db.execute(sql`insert into event_session (event_id, centre_id, starts_at, ends_at, booking, capacity,
      max_group, drop_ins)
    select e.ids[1 + floor(random() * cardinality(e.ids))::int], ${centreId}, s.starts_at,
      s.starts_at + interval '2 hours', s.booking, case when s.booking then 30 end, 3, floor(random() * 6)::int
    from (select (d::date + slot) at time zone ${TIMEZONE} as starts_at, random() < 0.75 as booking
          from generate_series(${firstDay}::date, ${shift(localDateOf(now, TIMEZONE), 30)}::date, interval '1 day') d
          cross join (values (time '10:00'), (time '14:30')) slots(slot)
          where extract(isodow from d) < 7) s
    cross join (select array(select jsonb_array_elements_text(${JSON.stringify(events.map((row) => row.id))}::jsonb)::uuid) as ids) e`)
  const timings: Record<string, number> = { sessions: seconds(started) }
  started = performance.now()
  await db.execute(sql`insert into booking (session_id, code_hash, seats, status, language, checked_in, created_at, updated_at)
    select session_id, code_hash, seats, status, 'fr',
      case when status = 'confirmed' and past and random() < 0.8 then seats else 0 end, booked_at, booked_at
    from (
      select s.id as session_id, md5(s.id::text || '-' || g) as code_hash, 1 + (random() < 0.3)::int as seats,
        case when random() < 0.85 then 'confirmed' else 'cancelled' end as status,
        s.starts_at < ${now.toISOString()}::timestamptz as past,
        s.starts_at - make_interval(hours => floor(random() * 500)::int) as booked_at
      from event_session s cross join lateral generate_series(1, 6 + abs(hashtext(s.id::text)) % 15) g
      where s.centre_id = ${centreId} and s.booking
    ) b`)
  timings.bookings = seconds(started)
  return timings
}

/**
 * Every day's self-service counts, as the portal and kiosk leave them: views of the centre's resource
 * pages and of occupation pages, searches and the words searched, a few of each much more than the rest.
 * The pages exist: 200 resources, and 7,000 occupations standing for the imported reference data.
 */
async function writeUsage(db: Database, centreId: string, firstDay: string, now: Date) {
  const started = performance.now()
  await db.execute(sql`insert into resource (centre_id, type, title)
    select ${centreId}, 'guide', 'Guide ' || g from generate_series(1, 200) g`)
  await db.execute(sql`insert into occupation (taxonomy, code, title, release)
    select t.taxonomy, upper(t.taxonomy) || g, jsonb_build_object('fr', 'Métier ' || g, 'en', 'Occupation ' || g), 'bench'
    from (values ('rome', 1500), ('esco', 3000), ('onet', 1000), ('onisep', 1500)) t(taxonomy, count)
    cross join lateral generate_series(1, t.count) g`)
  const kinds = [
    {
      kind: 'resource_view',
      keys: sql`array(select id::text from resource where centre_id = ${centreId} order by title)`,
      perDay: 40,
    },
    {
      kind: 'occupation_view',
      keys: sql`array(select taxonomy || ':' || code from occupation order by md5(code) limit 300)`,
      perDay: 60,
    },
    { kind: 'search', keys: sql`array['']`, perDay: 1 },
    { kind: 'search_query', keys: sql`array(select 'mot ' || g from generate_series(1, 500) g)`, perDay: 60 },
  ]
  for (const { kind, keys, perDay } of kinds)
    await db.execute(sql`insert into usage_count (centre_id, day, kind, key, count)
      select ${centreId}, d::date, ${kind}, used.key, 1 + floor(30 * random() ^ 3)::int
      from (select ${keys} as keys) list
      cross join generate_series(${firstDay}::date, ${localDateOf(now, TIMEZONE)}::date, interval '1 day') d
      cross join lateral (select distinct list.keys[1 + floor(cardinality(list.keys) * random() ^ 2)::int] as key
        from generate_series(1, ${n(perDay)}) where d is not null) used`)
  return { usage: seconds(started) }
}

async function countRows(db: Database, centreId: string) {
  const counts: [string, SQL][] = [
    ['tickets', sql`select count(*) from ticket where centre_id = ${centreId}`],
    [
      'steps',
      sql`select count(*) from ticket_step s join ticket t on t.id = s.ticket_id where t.centre_id = ${centreId}`,
    ],
    ['interviews', sql`select count(*) from interview where centre_id = ${centreId}`],
    [
      'theme links',
      sql`select count(*) from interview_theme_link l join interview i on i.id = l.interview_id where i.centre_id = ${centreId}`,
    ],
    [
      'referrals',
      sql`select count(*) from interview_referral r join interview i on i.id = r.interview_id where i.centre_id = ${centreId}`,
    ],
    ['profiles', sql`select count(*) from visit_profile where centre_id = ${centreId}`],
    ['sessions', sql`select count(*) from event_session where centre_id = ${centreId}`],
    [
      'bookings',
      sql`select count(*) from booking b join event_session s on s.id = b.session_id where s.centre_id = ${centreId}`,
    ],
    ['usage counts', sql`select count(*) from usage_count where centre_id = ${centreId}`],
  ]
  const rows: Record<string, number> = {}
  for (const [name, query] of counts)
    rows[name] = Number(rowsOf<{ count: string | number }>(await db.execute(query))[0]?.count ?? 0)
  return rows
}

/**
 * Builds the centre, writes its year, folds it and applies the retention period, in this process; the
 * server opens the database after. The retention pass runs here, as the server's first one would: `cdm
 * serve` runs it 30 seconds after starting and then hourly, and with the default period (90 days) it
 * deletes the raw records of the first nine months, which the folded facts have counted. Timed twice:
 * that first pass, then a pass with nothing left to fold or delete, as every later hour's.
 */
async function prepare(handle: DatabaseHandle, now: Date): Promise<Prepared> {
  const { db } = handle
  const { centre, tokens } = await buildCentre(db)
  const firstDay = shift(localDateOf(now, TIMEZONE), -364)
  const generateSeconds: Record<string, number> = {}
  const started = performance.now()
  Object.assign(generateSeconds, await writeVisits(db, centre.id, firstDay, now))
  Object.assign(generateSeconds, await writeInterviews(db, centre.id))
  Object.assign(generateSeconds, await writeProfiles(db, centre.id))
  Object.assign(generateSeconds, await writeEvents(db, centre.id, firstDay, now))
  Object.assign(generateSeconds, await writeUsage(db, centre.id, firstDay, now))
  generateSeconds.total = seconds(started)
  const rows = await countRows(db, centre.id)

  let at = performance.now()
  const foldedDays = await foldStatistics({ db, now })
  const foldSeconds = seconds(at)
  const facts = Number(
    rowsOf<{ count: string | number }>(
      await db.execute(sql`select count(*) from stat_fact where centre_id = ${centre.id}`),
    )[0]?.count ?? 0,
  )
  at = performance.now()
  await purgeRawRecords({ db, now })
  const purgeSeconds = seconds(at)
  at = performance.now()
  await purgeRawRecords({ db, now })
  const hourlySeconds = seconds(at)
  const kept = await countRows(db, centre.id)
  let analyseSeconds: number | null = null
  // PGlite runs without autovacuum: its tables stay as the application leaves them.
  if (handle.kind === 'postgres') {
    at = performance.now()
    await db.execute(sql`vacuum analyze`)
    analyseSeconds = seconds(at)
  }
  return {
    slug: centre.slug,
    tokens,
    rows,
    kept,
    generateSeconds,
    foldSeconds,
    foldedDays,
    facts,
    purgeSeconds,
    hourlySeconds,
    analyseSeconds,
  }
}

/**
 * `count` requests of one URL from `clients` clients at once, each asking again when answered. A request
 * the server does not answer 200 counts as failed; a server that stopped ends the benchmark, with its last words.
 */
async function load(
  server: Served,
  url: string,
  headers: Record<string, string>,
  count: number,
  clients: number,
) {
  const latencies: number[] = []
  let sent = 0
  const failures: string[] = []
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (sent < count) {
        sent += 1
        const started = performance.now()
        const status = await fetch(url, { headers })
          .then(async (response) => {
            await response.arrayBuffer()
            return String(response.status)
          })
          .catch((error: Error) => error.message)
        if (status === '200') latencies.push(performance.now() - started)
        else failures.push(status)
      }
    }),
  )
  if (server.child.exitCode !== null || server.child.signalCode !== null)
    throw new Error(
      `the server stopped (${server.child.exitCode ?? server.child.signalCode}):\n${server.output()}`,
    )
  return { latencies, failures }
}

async function measureEndpoints(server: Served, prepared: Prepared, periods: Period[]): Promise<Measured[]> {
  const measured: Measured[] = []
  for (const endpoint of ENDPOINTS) {
    const headers = { authorization: `Bearer ${prepared.tokens[endpoint.as]}` }
    for (const period of periods) {
      const query = [`from=${period.from}`, `to=${period.to}`, endpoint.query].filter(Boolean).join('&')
      const url = `http://127.0.0.1:${server.port}${endpoint.path(prepared.slug)}?${query}`
      const row: Measured = {
        endpoint: endpoint.name,
        period: period.name,
        status: 'measured',
        note: '',
        byClients: {},
        bytes: 0,
      }
      measured.push(row)
      const first = await fetch(url, { headers })
      const body = await first.arrayBuffer()
      if (first.status !== 200) {
        row.status = first.status === 404 ? 'absent' : 'failed'
        row.note = `${first.status} ${new TextDecoder().decode(body).slice(0, 120)}`
        console.log(`  ${endpoint.name}, ${period.name}: ${row.note}`)
        continue
      }
      row.bytes = body.byteLength
      await load(server, url, headers, WARM_UP, 1)
      const failed: string[] = []
      for (const clients of CLIENTS) {
        const { latencies, failures } = await load(server, url, headers, REQUESTS, clients)
        row.byClients[clients] = latencies
        failed.push(...failures)
      }
      if (failed.length > 0) row.note = `${failed.length} failed (${[...new Set(failed)].join(', ')})`
      const p95 = percentile(row.byClients[1] ?? [], 0.95)
      console.log(`  ${endpoint.name}, ${period.name}: p95 ${p95.toFixed(1)} ms with one client`)
    }
  }
  return measured
}

async function measureOn(engine: Engine, now: Date, periods: Period[]): Promise<Sample> {
  console.log(`\n${engine.label}: writing a year of activity…`)
  const prepared = await withMigratedDatabase(engine, (handle) => prepare(handle, now))
  const { generateSeconds, foldSeconds, purgeSeconds, hourlySeconds } = prepared
  console.log(
    `  written in ${generateSeconds.total?.toFixed(1)} s, folded in ${foldSeconds.toFixed(1)} s, first retention pass ${purgeSeconds.toFixed(1)} s, next ones ${hourlySeconds.toFixed(1)} s`,
  )
  const server = await startServer({ ...engine.database, script: citeScript })
  try {
    // The server's own retention pass starts 30 s after it does: let it end, so that no figure includes it.
    const pause = RETENTION_DELAY_MS + hourlySeconds * 1000 + 5_000
    console.log(
      `  waiting ${(pause / 1000).toFixed(0)} s for the server's first retention pass, then measuring…`,
    )
    await new Promise((resolve) => setTimeout(resolve, pause))
    return { prepared, latencies: await measureEndpoints(server, prepared, periods) }
  } finally {
    await stop(server.child)
  }
}

function report(results: [string, Sample][], periods: Period[]) {
  const s = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : `${value.toFixed(1)} s`
  const counts = (rows: Record<string, number>) =>
    Object.entries(rows)
      .map(([name, count]) => `${count.toLocaleString('en')} ${name}`)
      .join(', ')
  for (const [label, { prepared }] of results) {
    const steps = Object.entries(prepared.generateSeconds).filter(([name]) => name !== 'total')
    console.log(`\n${label}\n  written:                       ${counts(prepared.rows)}`)
    console.log(
      `  write times:                   ${steps.map(([name, value]) => `${name} ${value.toFixed(1)} s`).join(', ')}`,
    )
    console.log(`  kept after the retention pass: ${counts(prepared.kept)}`)
  }
  printTable(
    [
      'engine',
      'write',
      'fold',
      'days folded',
      'facts',
      'first retention pass',
      'hourly pass',
      'vacuum analyze',
    ],
    results.map(([label, { prepared }]) => [
      label,
      s(prepared.generateSeconds.total),
      s(prepared.foldSeconds),
      String(prepared.foldedDays),
      prepared.facts.toLocaleString('en'),
      s(prepared.purgeSeconds),
      s(prepared.hourlySeconds),
      s(prepared.analyseSeconds),
    ]),
  )
  const ms = (values: number[] | undefined) =>
    values && values.length > 0
      ? [0.5, 0.95, 0.99].map((fraction) => percentile(values, fraction).toFixed(1)).join(' / ')
      : '—'
  const rows: string[][] = []
  for (const [label, { latencies }] of results)
    for (const row of latencies)
      rows.push([
        label,
        row.endpoint,
        row.period,
        ...CLIENTS.map((clients) => ms(row.byClients[clients])),
        row.status === 'measured' ? `${(row.bytes / 1024).toFixed(1)} KiB` : '',
        row.status === 'absent' ? 'not there yet (404)' : row.note,
      ])
  printTable(
    [
      'engine',
      'endpoint',
      'period',
      ...CLIENTS.map((clients) => `${clients} client${clients > 1 ? 's' : ''}: p50 / p95 / p99 ms`),
      'size',
      'note',
    ],
    rows,
  )
  console.log(
    `\nnode ${process.version}. Periods: ${periods.map((period) => `${period.name} ${period.from} → ${period.to}`).join(', ')}.` +
      ` ${REQUESTS} requests per endpoint, period and number of clients after ${WARM_UP} to warm up;` +
      ` each with a manager's (the network's: a network admin's) API token. Target: p95 ≤ ${TARGET_P95_MS} ms per dashboard on PostgreSQL.`,
  )
}

export async function run() {
  // One instant for the whole run: the year ends today, and every past day of it is folded.
  const now = new Date()
  const today = localDateOf(now, TIMEZONE)
  const lastMonth = addMonths(parseISO(today), -1)
  const periods: Period[] = [
    { name: 'year', from: shift(today, -364), to: today },
    {
      name: 'month',
      from: format(startOfMonth(lastMonth), 'yyyy-MM-dd'),
      to: format(endOfMonth(lastMonth), 'yyyy-MM-dd'),
    },
  ]
  console.log(
    `Dashboard benchmark: a year of a large centre (${TICKETS.toLocaleString('en')} visits, ${INTERVIEWS.toLocaleString('en')} interviews, ${PROFILES.toLocaleString('en')} visit profiles, events and self-service counts), folded, then each statistics endpoint over HTTP`,
  )
  const results = await onEachEngine('dashboard', (engine) => measureOn(engine, now, periods))
  report(results, periods)
}
