import { addDays, format, parseISO } from 'date-fns'
import { sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { localDateOf } from '../modules/centres/opening-status'
import { foldStatistics } from '../modules/statistics/retention'

/** Weeks of past activity the demo centre starts with, and visits on an ordinary day. */
const WEEKS = 8
const VISITS_PER_DAY = 48

/**
 * Eight weeks of past walk-in activity for the demo centre, so that its dashboards have something to
 * show: tickets with their steps (most served, some no-shows, a few who left), an interview for about a
 * third of them with themes, outcomes and now and then a referral, a visit profile for one in six, and
 * the self-service counts of each day; then the past days are folded, as the server does every night.
 * Written with a few set-based statements and a fixed seed, so every demo starts alike.
 */
export async function seedDemoActivity(options: { db: Database; centreId: string; now: Date }) {
  const { db, centreId, now } = options
  const today = parseISO(localDateOf(now, 'Europe/Paris'))
  const first = format(addDays(today, -WEEKS * 7), 'yyyy-MM-dd')
  const last = format(addDays(today, -1), 'yyyy-MM-dd')
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.42)`)
    // Tickets: Monday to Saturday (fewer on Saturday), arrivals through the day, waits of 0–40 minutes.
    await tx.execute(sql`
      with days as (
        select d::date as day from generate_series(${first}::date, ${last}::date, interval '1 day') d
        where extract(isodow from d) between 1 and 6),
      areas as (select array_agg(id order by position) as ids from area where centre_id = ${centreId}),
      visits as (
        select day, n, areas.ids[1 + floor(power(random(), 1.6) * array_length(areas.ids, 1))::int] as area_id,
          (day + time '10:00' + (case when extract(isodow from day) = 6 then 180 else 480 end) * random() * interval '1 minute')
            at time zone 'Europe/Paris' as arrival,
          floor(power(random(), 2) * 40)::int as wait, 10 + floor(random() * 30)::int as service, random() as fate
        from days, areas, generate_series(1, ${VISITS_PER_DAY}::int) n
        where n <= case when extract(isodow from day) = 6 then ${VISITS_PER_DAY / 3}::int else ${VISITS_PER_DAY}::int end * (0.7 + 0.6 * random()))
      insert into ticket (centre_id, area_id, service_date, code, language, channel, status, queued_at, created_at,
        called_at, started_at, ended_at, track_token_hash)
      select ${centreId}::uuid, area_id, day, 'D-' || lpad(n::text, 3, '0'),
        case when random() < 0.88 then 'fr' else 'en' end,
        case when random() < 0.7 then 'kiosk' when random() < 0.9 then 'reception' else 'portal' end,
        case when fate < 0.86 then 'done' when fate < 0.94 then 'no_show' else 'closed' end,
        arrival, arrival,
        case when fate < 0.94 then arrival + wait * interval '1 minute' end,
        case when fate < 0.86 then arrival + wait * interval '1 minute' end,
        case when fate < 0.86 then arrival + (wait + service) * interval '1 minute'
             when fate < 0.94 then arrival + (wait + 5) * interval '1 minute' end,
        md5(random()::text || clock_timestamp()::text || n::text || day::text)
      from visits`)
    await tx.execute(sql`
      insert into ticket_step (ticket_id, kind, at, area_id)
      select id, 'issued', created_at, area_id from ticket where centre_id = ${centreId} and code like 'D-%'
      union all
      select id, 'called', called_at, area_id from ticket
        where centre_id = ${centreId} and code like 'D-%' and called_at is not null
      union all
      select id, case status when 'done' then 'finished' else status end, ended_at, null from ticket
        where centre_id = ${centreId} and code like 'D-%' and ended_at is not null`)
    // Interviews for about a third of the visits served, by a partner covering the area when there is one.
    await tx.execute(sql`
      insert into interview (centre_id, area_id, partner_id, ticket_id, service_date, started_at, ended_at,
        duration_seconds, language, outcomes)
      select t.centre_id, t.area_id,
        (select pa.partner_id from partner_area pa where pa.area_id = t.area_id order by random() + length(t.id::text) limit 1),
        t.id, t.service_date, t.started_at, t.ended_at,
        extract(epoch from t.ended_at - t.started_at)::int, t.language,
        case when random() < 0.5 then array['information']
             when random() < 0.6 then array['information', 'resources']
             when random() < 0.7 then array['information', 'referral']
             else array['come_back'] end
      from ticket t where t.centre_id = ${centreId} and t.code like 'D-%' and t.status = 'done' and random() < 0.35`)
    await tx.execute(sql`
      insert into interview_theme_link (interview_id, theme_id)
      select i.id, (select th.id from interview_theme th
                    where th.centre_id = i.centre_id and (th.area_id = i.area_id or th.area_id is null)
                    order by random() + length(i.id::text) limit 1)
      from interview i where i.centre_id = ${centreId}
        and exists (select 1 from interview_theme th where th.centre_id = i.centre_id)`)
    await tx.execute(sql`
      insert into interview_referral (interview_id, service_id, label)
      select i.id, s.id, s.organisation || ' — ' || coalesce(s.name ->> 'fr', '')
      from interview i
      cross join lateral (select id, organisation, name from directory_service
                          where centre_id = i.centre_id order by random() + length(i.id::text) limit 1) s
      where i.centre_id = ${centreId} and 'referral' = any(i.outcomes)`)
    await tx.execute(sql`
      insert into visit_profile (centre_id, ticket_id, service_date, age_band, situation, education, first_visit, heard_from)
      select centre_id, id, service_date,
        (array['16_25', '16_25', '26_35', '26_35', '36_45', '46_55', '56_65', 'no_answer'])[1 + floor(random() * 8)::int],
        (array['job_seeker', 'job_seeker', 'employed', 'pupil_student', 'self_employed', 'other'])[1 + floor(random() * 6)::int],
        (array['secondary', 'upper_secondary', 'higher_short', 'higher_long', 'no_diploma', 'no_answer'])[1 + floor(random() * 6)::int],
        (array['yes', 'yes', 'no', 'no_answer'])[1 + floor(random() * 4)::int],
        (array['word_of_mouth', 'partner', 'internet', 'school', 'social_media'])[1 + floor(random() * 5)::int]
      from ticket where centre_id = ${centreId} and code like 'D-%' and random() < 0.17`)
    // Self-service: resource pages viewed and words searched each day, as counts.
    await tx.execute(sql`
      insert into usage_count (centre_id, day, kind, key, count)
      select ${centreId}::uuid, d::date, 'resource_view', r.id::text, 1 + floor(random() * 6)::int
      from generate_series(${first}::date, ${last}::date, interval '1 day') d, resource r
      where r.centre_id = ${centreId} and extract(isodow from d) between 1 and 6 and random() < 0.5
      union all
      select ${centreId}::uuid, d::date, 'search', '', 10 + floor(random() * 30)::int
      from generate_series(${first}::date, ${last}::date, interval '1 day') d
      where extract(isodow from d) between 1 and 6
      union all
      select ${centreId}::uuid, d::date, 'search_query', q, 1 + floor(random() * 4)::int
      from generate_series(${first}::date, ${last}::date, interval '1 day') d,
        unnest(array['aide soignante', 'cariste', 'cv', 'alternance', 'boulanger', 'développeur web']) q
      where extract(isodow from d) between 1 and 6 and random() < 0.6`)
  })
  await foldStatistics({ db, now })
}
