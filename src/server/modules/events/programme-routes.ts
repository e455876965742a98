import { createRoute, z } from '@hono/zod-openapi'
import { eq } from 'drizzle-orm'
import { pickText } from '../../../shared/i18n/locales'
import { programmeEventSchema, programmeFiltersSchema, programmeSchema } from '../../../shared/schemas/events'
import { centre } from '../../db/schema/centres'
import { event, eventSession } from '../../db/schema/events'
import { createRouter } from '../../http/context'
import { notFound } from '../../http/errors'
import { jsonContent, publicErrors } from '../../http/openapi'
import { getCentreBySlug } from '../centres/centres-service'
import { sessionsCalendar } from './calendar'
import { getProgrammeEvent, listProgramme, presentSessions } from './programme'

const tags = ['Programme']
const centreParam = z.object({ centre: z.string().min(1).max(60) })
const calendarContent = (description: string) => ({
  description,
  content: { 'text/calendar': { schema: z.string() } },
})
const calendarHeaders = {
  'content-type': 'text/calendar; charset=utf-8',
  'cache-control': 'public, max-age=300',
}

/** The events programme for anyone: as JSON for the pages, as iCalendar feeds for calendar apps. */
export const programmeRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}/programme',
      tags,
      summary:
        'The centre’s sessions between two days, with seats left, filtered by area, type, audience, language',
      request: { params: centreParam, query: programmeFiltersSchema },
      responses: { 200: jsonContent(programmeSchema, 'The programme'), ...publicErrors },
    }),
    async (c) => {
      const { db, now } = c.var.deps
      const filters = c.req.valid('query')
      const home = await getCentreBySlug({ db, slug: c.req.valid('param').centre })
      const programme = await listProgramme({
        db,
        home,
        filters,
        language: filters.lang ?? c.var.locale,
        now: now(),
      })
      return c.json(programme, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}/programme/{id}',
      tags,
      summary:
        'An event for its page: texts in the visitor’s language, its sessions from today with seats left',
      request: {
        params: centreParam.extend({ id: z.uuid() }),
        query: z.object({ lang: programmeFiltersSchema.shape.lang }),
      },
      responses: { 200: jsonContent(programmeEventSchema, 'The event'), ...publicErrors },
    }),
    async (c) => {
      const { db, now } = c.var.deps
      const { centre: slug, id } = c.req.valid('param')
      const home = await getCentreBySlug({ db, slug })
      const language = c.req.valid('query').lang ?? c.var.locale
      return c.json(await getProgrammeEvent({ db, home, eventId: id, language, now: now() }), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}/programme.ics',
      tags,
      summary: 'The programme as an iCalendar feed (RFC 5545), for the whole centre or one area (`area`)',
      request: { params: centreParam, query: programmeFiltersSchema },
      responses: { 200: calendarContent('An iCalendar feed'), ...publicErrors },
    }),
    async (c) => {
      const { db, now, publicUrl } = c.var.deps
      const filters = c.req.valid('query')
      const language = filters.lang ?? c.var.locale
      const home = await getCentreBySlug({ db, slug: c.req.valid('param').centre })
      const programme = await listProgramme({ db, home, filters, language, now: now() })
      const text = sessionsCalendar({
        name: pickText(home.name, language, home.defaultLanguage),
        sessions: programme.items,
        publicUrl,
        centreSlug: home.slug,
        now: now(),
      })
      return c.body(text, 200, calendarHeaders)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/sessions/{id}/calendar.ics',
      tags,
      summary: 'One session as an iCalendar file, to add to a calendar',
      request: {
        params: z.object({ id: z.uuid() }),
        query: z.object({ lang: programmeFiltersSchema.shape.lang }),
      },
      responses: { 200: calendarContent('An iCalendar file'), ...publicErrors },
    }),
    async (c) => {
      const { db, now, publicUrl } = c.var.deps
      const language = c.req.valid('query').lang ?? c.var.locale
      const [row] = await db
        .select({ session: eventSession, event, home: centre })
        .from(eventSession)
        .innerJoin(event, eq(event.id, eventSession.eventId))
        .innerJoin(centre, eq(centre.id, eventSession.centreId))
        .where(eq(eventSession.id, c.req.valid('param').id))
      if (!row) throw notFound('error.session.notFound')
      const sessions = await presentSessions(db, [row], language, row.home, now())
      const text = sessionsCalendar({
        name: sessions[0]?.title ?? '',
        sessions,
        publicUrl,
        centreSlug: row.home.slug,
        now: now(),
      })
      return c.body(text, 200, {
        ...calendarHeaders,
        'content-disposition': 'attachment; filename="session.ics"',
      })
    },
  )
