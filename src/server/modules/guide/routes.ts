import { createRoute, z } from '@hono/zod-openapi'
import {
  guidePhraseInputSchema,
  guidePhraseSchema,
  guideSettingsSchema,
  guideSituationAreasInputSchema,
  guideSituations,
  guideSituationViewSchema,
  guideTextInputSchema,
  guideUnderstandingSchema,
} from '../../../shared/schemas/guide'
import { createRouter } from '../../http/context'
import { jsonBody, jsonContent, publicErrors, staffErrors, staffSecurity } from '../../http/openapi'
import { centreManagers } from '../auth/policy'
import { getCentreBySlug } from '../centres/centres-service'
import { centreItemParam, centreParam, centreRole } from '../centres/scope'
import { countUse } from '../statistics/usage'
import {
  deletePhrase,
  guideSettings,
  savePhrase,
  setSituationAreas,
  situationAreas,
  understandSentence,
} from './guide-service'

const tags = ['Guided entry']
const situationParam = centreParam.extend({ situation: z.enum(guideSituations) })
const managerRoute = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({
    ...r,
    tags,
    security: staffSecurity,
    middleware: [centreRole(centreManagers)] as const,
    responses: { ...staffErrors, ...r.responses },
  })

/**
 * "Where do I start?": a visitor picks a situation or writes a sentence and is led to areas, results and
 * events. Only counts are kept — which situation, whether a sentence led somewhere — never the words.
 */
export const guideRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}/guide/situations/{situation}',
      tags,
      summary: 'The areas a centre proposes for a situation (counted, anonymously)',
      request: { params: situationParam },
      responses: { 200: jsonContent(guideSituationViewSchema, 'The areas, in order'), ...publicErrors },
    }),
    async (c) => {
      const { db, now } = c.var.deps
      const { centre: slug, situation } = c.req.valid('param')
      const home = await getCentreBySlug({ db, slug })
      const areas = await situationAreas({ db, centreId: home.id, situation })
      await countUse({ db, home, now: now(), kind: 'guide_situation', key: situation })
      return c.json({ situation, areas }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centre}/guide/understand',
      tags,
      summary: 'What a sentence in the visitor’s own words points to: areas and results',
      description:
        'A POST, so the sentence never sits in an address or a log. It is read and forgotten: only whether ' +
        'it led to an area is counted. Phrases the centre linked to areas are found in any language; the ' +
        'sentence’s language is guessed from its common words for the search.',
      request: { params: centreParam, ...jsonBody(guideTextInputSchema) },
      responses: { 200: jsonContent(guideUnderstandingSchema, 'Leads, best first'), ...publicErrors },
    }),
    async (c) => {
      const { db, now } = c.var.deps
      const home = await getCentreBySlug({ db, slug: c.req.valid('param').centre })
      const input = c.req.valid('json')
      const understood = await understandSentence({
        db,
        centreId: home.id,
        text: input.text,
        language: input.language ?? c.var.locale,
      })
      await countUse({
        db,
        home,
        now: now(),
        kind: 'guide_text',
        key: understood.areas.length > 0 ? 'understood' : 'not_understood',
      })
      return c.json(understood, 200)
    },
  )
  .openapi(
    managerRoute({
      method: 'get',
      path: '/centres/{centre}/guide/settings',
      summary: 'The areas of each situation and the phrases linked to areas',
      request: { params: centreParam },
      responses: { 200: jsonContent(guideSettingsSchema, 'The settings') },
    }),
    async (c) => {
      const { db, centreId } = c.var.scope
      return c.json(await guideSettings({ db, centreId }), 200)
    },
  )
  .openapi(
    managerRoute({
      method: 'put',
      path: '/centres/{centre}/guide/situations/{situation}',
      summary: 'Set the areas proposed for a situation, in order',
      request: { params: situationParam, ...jsonBody(guideSituationAreasInputSchema) },
      responses: { 200: jsonContent(z.object({ areaIds: z.array(z.uuid()) }), 'Saved') },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      const { situation } = c.req.valid('param')
      const areaIds = await setSituationAreas({
        db,
        centreId,
        actorUserId,
        situation,
        areaIds: c.req.valid('json').areaIds,
      })
      return c.json({ areaIds }, 200)
    },
  )
  .openapi(
    managerRoute({
      method: 'post',
      path: '/centres/{centre}/guide/phrases',
      summary: 'Link a phrase visitors use to an area',
      request: { params: centreParam, ...jsonBody(guidePhraseInputSchema) },
      responses: { 201: jsonContent(guidePhraseSchema, 'Created') },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      return c.json(await savePhrase({ db, centreId, actorUserId, input: c.req.valid('json') }), 201)
    },
  )
  .openapi(
    managerRoute({
      method: 'put',
      path: '/centres/{centre}/guide/phrases/{id}',
      summary: 'Change a phrase or its area',
      request: { params: centreItemParam, ...jsonBody(guidePhraseInputSchema) },
      responses: { 200: jsonContent(guidePhraseSchema, 'The phrase') },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      const phraseId = c.req.valid('param').id
      return c.json(
        await savePhrase({ db, centreId, actorUserId, phraseId, input: c.req.valid('json') }),
        200,
      )
    },
  )
  .openapi(
    managerRoute({
      method: 'delete',
      path: '/centres/{centre}/guide/phrases/{id}',
      summary: 'Remove a phrase',
      request: { params: centreItemParam },
      responses: { 204: { description: 'Done' } },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      await deletePhrase({ db, centreId, actorUserId, phraseId: c.req.valid('param').id })
      return c.body(null, 204)
    },
  )
