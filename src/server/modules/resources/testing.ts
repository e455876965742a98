import type { ResourceInput } from '../../../shared/schemas/resources'
import { partner } from '../../db/schema/centres'
import { type TestContext, unique } from '../../test/app'
import { addStaff } from '../staff/staff-service'
import { createResource } from './resources-service'

/** Small factories for the catalogue's tests: each test builds what it needs. */
export function catalogueFactories(t: TestContext) {
  async function buildPartner(centreId: string, name = `Partenaire ${unique()}`) {
    const [row] = await t.db.insert(partner).values({ centreId, name, description: {} }).returning()
    if (!row) throw new Error('partner insert returned nothing')
    return row
  }

  /** A partner coordinator, signed in: returns their cookie and their partner. */
  async function signInCoordinator(centreId: string, partnerId?: string) {
    const own = partnerId ?? (await buildPartner(centreId)).id
    const email = `coordinator-${unique()}@staff.example`
    const added = await addStaff({
      db: t.db,
      auth: t.auth,
      actorUserId: null,
      input: { email, name: 'Coordination', role: 'partner_coordinator', centreId, partnerId: own },
    })
    return { cookie: await t.signIn(email, added.password ?? ''), partnerId: own }
  }

  async function signInManager(centreId: string) {
    const manager = await t.buildStaff('manager', centreId)
    return t.signIn(manager.email, manager.password)
  }

  const resourceInput = (overrides: Partial<ResourceInput> = {}): ResourceInput => ({
    type: 'guide',
    title: `Guide ${unique()}`,
    summary: 'Un guide pour préparer son CV.',
    languages: ['fr'],
    shelf: 'B2',
    copies: 3,
    ...overrides,
  })

  /** Adds a resource through the API, as the holder of `cookie`; returns its JSON. */
  async function postResource(slug: string, cookie: string, overrides: Partial<ResourceInput> = {}) {
    const response = await t.request(`/api/v1/centres/${slug}/catalogue/resources`, {
      method: 'POST',
      cookie,
      body: resourceInput(overrides),
    })
    if (response.status !== 201) throw new Error(`resource not created: ${await response.text()}`)
    return (await response.json()) as { id: string; title: string; partner: { id: string } | null }
  }

  async function postTheme(slug: string, cookie: string, themeSlug = `theme-${unique()}`) {
    const response = await t.request(`/api/v1/centres/${slug}/catalogue/themes`, {
      method: 'POST',
      cookie,
      body: { slug: themeSlug, name: { fr: `Thème ${themeSlug}`, en: `Theme ${themeSlug}` } },
    })
    if (response.status !== 201) throw new Error(`theme not created: ${await response.text()}`)
    return (await response.json()) as { id: string; slug: string }
  }

  /** A resource written straight through the service, by the centre's managers or by a partner. */
  function shelve(centreId: string, input: ResourceInput, partnerId?: string) {
    return createResource({
      db: t.db,
      centreId,
      actorUserId: null,
      writer: partnerId ? { kind: 'partner', partnerId } : { kind: 'manager' },
      input,
    })
  }

  return { buildPartner, signInCoordinator, signInManager, resourceInput, postResource, postTheme, shelve }
}
