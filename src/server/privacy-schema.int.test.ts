import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from './db/rows'
import { createTestContext, type TestContext } from './test/app'

/**
 * The charter, read off the database itself (after every migration): no table holds a visitor's name,
 * contact, address, birth date, IP address or user agent. Every table says whose data it holds, and
 * every column that can hold text says why that text is not a visitor's personal data — so a new table
 * or a new text column fails here until someone has thought about it and written the reason down.
 *
 * Staff tables (logins, sessions, roles) hold staff data: staff are employees identified at work, not
 * visitors; their sessions keep neither address nor user agent all the same (see the auth config).
 */

/** `visitor`: rows made by or about a visit. `staff`: the centre, its people and partners. `reference`: catalogues. */
const tables = {
  'drizzle.__drizzle_migrations': 'reference',
  account: 'staff',
  api_token: 'staff',
  area: 'staff',
  area_day_state: 'staff',
  audit_log: 'staff',
  booking: 'visitor',
  centre: 'staff',
  closure: 'staff',
  desk: 'staff',
  desk_area: 'staff',
  desk_session: 'staff',
  directory_service: 'reference',
  directory_service_area: 'reference',
  directory_service_theme: 'reference',
  event: 'staff',
  event_area: 'staff',
  event_organiser: 'staff',
  event_session: 'staff',
  event_theme: 'staff',
  guide_phrase: 'staff',
  guide_situation_area: 'staff',
  import_run: 'reference',
  interview: 'visitor',
  interview_referral: 'visitor',
  interview_theme: 'staff',
  interview_theme_link: 'visitor',
  knowledge_note: 'staff',
  knowledge_note_area: 'staff',
  knowledge_note_occupation: 'staff',
  knowledge_note_service: 'staff',
  knowledge_revision: 'staff',
  notebook: 'visitor',
  occupation: 'reference',
  occupation_label: 'reference',
  occupation_link: 'reference',
  occupation_skill: 'reference',
  occupation_task: 'reference',
  opening_hours: 'staff',
  partner: 'staff',
  partner_area: 'staff',
  question: 'visitor',
  question_message: 'visitor',
  resource: 'reference',
  resource_area: 'reference',
  resource_occupation: 'reference',
  resource_theme: 'reference',
  resource_theme_link: 'reference',
  rota_absence: 'staff',
  rota_shift: 'staff',
  search_collection: 'reference',
  search_document: 'reference',
  search_posting: 'reference',
  session: 'staff',
  setting: 'staff',
  skill: 'reference',
  staff_role: 'staff',
  stat_fact: 'visitor',
  ticket: 'visitor',
  ticket_counter: 'visitor',
  ticket_step: 'visitor',
  training: 'reference',
  training_occupation: 'reference',
  usage_count: 'visitor',
  user: 'staff',
  verification: 'staff',
  visit_profile: 'visitor',
} as const satisfies Record<string, 'visitor' | 'staff' | 'reference'>

const CODE = 'a fixed vocabulary (checked by a constraint or the schema), never typed by a visitor'
const DIGEST = 'a SHA-256 digest of a random code: the code itself is never stored'
const STAFF = 'staff data: staff are identified at work, they are not visitors'
const CATALOGUE = 'catalogue text written by staff or imported from a public source'
const INDEX = 'search index built from the catalogue, never from what visitors type'
const LANGUAGE = 'a language code'

/** Every column that can hold text, and why it holds nothing personal about a visitor. */
const textColumns: Record<string, string> = {
  'drizzle.__drizzle_migrations.hash': 'digest of a migration file',
  'account.id': STAFF,
  'account.account_id': STAFF,
  'account.provider_id': STAFF,
  'account.user_id': STAFF,
  'account.access_token': STAFF,
  'account.refresh_token': STAFF,
  'account.id_token': STAFF,
  'account.scope': STAFF,
  'account.password': `${STAFF} (a password hash)`,
  'api_token.user_id': STAFF,
  'api_token.label': STAFF,
  'api_token.token_hash': `${STAFF} (a digest)`,
  'area.slug': CATALOGUE,
  'area.name': CATALOGUE,
  'area.description': CATALOGUE,
  'area.colour': CATALOGUE,
  'area.pictogram': CODE,
  'area.ticket_letter': CATALOGUE,
  'area_day_state.state': CODE,
  'audit_log.actor_user_id': STAFF,
  'audit_log.action': CODE,
  'audit_log.entity': CODE,
  'audit_log.entity_id': 'the id of what staff changed',
  'audit_log.data': `${STAFF}: what a staff write set (check-ins record a seat count, never a booking)`,
  'booking.code_hash': DIGEST,
  'booking.status': CODE,
  'booking.contact':
    'THE one optional contact: a reminder address given by explicit choice, erased once the session is over ' +
    '(sweep.ts; bookings.int.test.ts checks it)',
  'booking.language': LANGUAGE,
  'centre.slug': CATALOGUE,
  'centre.name': CATALOGUE,
  'centre.timezone': CATALOGUE,
  'centre.languages': LANGUAGE,
  'centre.default_language': LANGUAGE,
  'centre.address': 'the centre’s own street address',
  'centre.partner_order': CODE,
  'closure.reason': CATALOGUE,
  'desk.name': CATALOGUE,
  'desk_session.user_id': STAFF,
  'desk_session.area_ids': 'ids of the areas a desk serves',
  'desk_session.languages': LANGUAGE,
  'directory_service.organisation': CATALOGUE,
  'directory_service.name': CATALOGUE,
  'directory_service.description': CATALOGUE,
  'directory_service.eligibility': CATALOGUE,
  'directory_service.audiences': CODE,
  'directory_service.languages': LANGUAGE,
  'directory_service.accessibility': CODE,
  'directory_service.address': 'a referral service’s public address',
  'directory_service.opening_hours': CATALOGUE,
  'directory_service.phone': 'a referral service’s public phone number',
  'directory_service.website': CATALOGUE,
  'event.type': CODE,
  'event.title': CATALOGUE,
  'event.description': CATALOGUE,
  'event.audiences': CODE,
  'event.language': LANGUAGE,
  'event.accessibility': CODE,
  'event.place': CATALOGUE,
  'event.co_organisers': 'names of organisations running an event',
  'guide_phrase.language': LANGUAGE,
  'guide_phrase.phrase': 'a phrase a manager links to an area; visitors’ sentences are never kept',
  'guide_phrase.form': 'the same phrase, normalised for matching',
  'guide_situation_area.situation': CODE,
  'import_run.source': CATALOGUE,
  'import_run.release': CATALOGUE,
  'import_run.counts': 'row counts of an import',
  'interview.language': LANGUAGE,
  'interview.outcomes': CODE,
  'interview_referral.label': 'the service a visitor was referred to, never the person',
  'interview_theme.slug': CATALOGUE,
  'interview_theme.name': CATALOGUE,
  'knowledge_note.kind': CODE,
  'knowledge_note.title': `${STAFF}: the shared knowledge base`,
  'knowledge_note.body': `${STAFF}: the shared knowledge base`,
  'knowledge_note.tags': `${STAFF}: the shared knowledge base`,
  'knowledge_note.language': LANGUAGE,
  'knowledge_note.search': 'search vector of the note’s own text',
  'knowledge_note.author_id': STAFF,
  'knowledge_note.editor_id': STAFF,
  'knowledge_revision.kind': CODE,
  'knowledge_revision.title': `${STAFF}: the shared knowledge base`,
  'knowledge_revision.body': `${STAFF}: the shared knowledge base`,
  'knowledge_revision.tags': `${STAFF}: the shared knowledge base`,
  'knowledge_revision.links': 'ids of what a note links to',
  'knowledge_revision.editor_id': STAFF,
  'notebook.code_hash': DIGEST,
  'notebook.sealed':
    'the visitor’s own notebook, sealed (AES-GCM) with a key only their code gives: unreadable here, erased on request',
  'occupation.taxonomy': CODE,
  'occupation.code': CATALOGUE,
  'occupation.title': CATALOGUE,
  'occupation.description': CATALOGUE,
  'occupation.access': CATALOGUE,
  'occupation.riasec': CATALOGUE,
  'occupation.riasec_scores': CATALOGUE,
  'occupation.isco': CATALOGUE,
  'occupation.parent_code': CATALOGUE,
  'occupation.release': CATALOGUE,
  'occupation.domains': CATALOGUE,
  'occupation_label.language': LANGUAGE,
  'occupation_label.label': CATALOGUE,
  'occupation_label.kind': CODE,
  'occupation_label.search_text': INDEX,
  'occupation_link.kind': CODE,
  'occupation_task.text': CATALOGUE,
  'partner.name': CATALOGUE,
  'partner.description': CATALOGUE,
  'partner.website': CATALOGUE,
  'partner.type': CODE,
  'partner.staff_contact': 'how staff reach a partner institution (a desk, an extension)',
  'question.language': LANGUAGE,
  'question.code_hash': DIGEST,
  'question.status': CODE,
  'question_message.author': CODE,
  'question_message.body':
    'the question in the visitor’s words, asked without a name or contact (the page says so), erased when staff ' +
    'hide it and with the question after the retention period',
  'question_message.attachments': 'resources, services and events a counsellor points to',
  'question_message.author_user_id': STAFF,
  'resource.type': CODE,
  'resource.title': CATALOGUE,
  'resource.summary': CATALOGUE,
  'resource.languages': LANGUAGE,
  'resource.audiences': CODE,
  'resource.shelf': CATALOGUE,
  'resource.url': CATALOGUE,
  'resource.publisher': CATALOGUE,
  'resource_theme.slug': CATALOGUE,
  'resource_theme.name': CATALOGUE,
  'rota_shift.counsellor_id': STAFF,
  'rota_shift.expertise': CODE,
  'rota_shift.languages': LANGUAGE,
  'search_collection.collection': INDEX,
  'search_collection.languages': LANGUAGE,
  'search_document.collection': INDEX,
  'search_document.language': LANGUAGE,
  'search_posting.language': LANGUAGE,
  'search_posting.term': INDEX,
  'session.id': STAFF,
  'session.token': STAFF,
  'session.ip_address': `${STAFF}; kept empty all the same (privacy-journey.int.test.ts checks it)`,
  'session.user_agent': `${STAFF}; kept empty all the same (privacy-journey.int.test.ts checks it)`,
  'session.user_id': STAFF,
  'setting.key': 'deployment settings (such as the signing secret)',
  'setting.value': 'deployment settings (such as the signing secret)',
  'skill.taxonomy': CODE,
  'skill.code': CATALOGUE,
  'skill.kind': CODE,
  'skill.label': CATALOGUE,
  'skill.description': CATALOGUE,
  'skill.category': CATALOGUE,
  'staff_role.user_id': STAFF,
  'staff_role.role': CODE,
  'stat_fact.dimension': CODE,
  'stat_fact.key': 'the value counted (an area, an outcome, a band): daily counts, nobody in them',
  'ticket.code': 'a short ticket number such as E-042, reused every day',
  'ticket.language': LANGUAGE,
  'ticket.channel': CODE,
  'ticket.status': CODE,
  'ticket.handover_note':
    'a counsellor’s note on the question for the next desk (nothing about the person), purged with the ticket',
  'ticket.track_token_hash': DIGEST,
  'ticket_counter.letter': CATALOGUE,
  'ticket_step.kind': CODE,
  'ticket_step.note': 'the same handover note, on the step of the transfer; purged with the ticket',
  'training.source': CODE,
  'training.code': CATALOGUE,
  'training.title': CATALOGUE,
  'training.language': LANGUAGE,
  'training.kind': CATALOGUE,
  'training.kind_acronym': CATALOGUE,
  'training.duration_text': CATALOGUE,
  'training.rncp_code': CATALOGUE,
  'training.authority': CATALOGUE,
  'training.url': CATALOGUE,
  'training.domains': CATALOGUE,
  'training.place': CATALOGUE,
  'training.description': CATALOGUE,
  'training.release': CATALOGUE,
  'usage_count.kind': CODE,
  'usage_count.key':
    'words searched, counted per day — never with a digit or an "@" (a phone, an address, a code is not kept)',
  'user.id': STAFF,
  'user.name': STAFF,
  'user.email': STAFF,
  'user.image': STAFF,
  'verification.id': STAFF,
  'verification.identifier': `${STAFF} (password reset tokens)`,
  'verification.value': `${STAFF} (password reset tokens)`,
  'visit_profile.age_band': 'a coarse band (e.g. 26–44), never a birth date',
  'visit_profile.situation': CODE,
  'visit_profile.education': CODE,
  'visit_profile.first_visit': CODE,
  'visit_profile.heard_from': CODE,
}

/** Column names that would say a visitor is identified (any type, on a visitor table). */
const PERSONAL =
  /(^|_)(e?mail|phone|tel|mobile|name|first_?name|last_?name|surname|address|ip|ip_address|user_?agent|birth|birthday|birth_?date|dob|contact|postcode|zip|gender|nationality|device|fingerprint)(_|$)/
/** The one exception, with its reason above. */
const ALLOWED_CONTACT = 'booking.contact'

type Column = { table_schema: string; table_name: string; column_name: string; data_type: string }
const TEXTUAL = new Set([
  'text',
  'character varying',
  'character',
  'json',
  'jsonb',
  'ARRAY',
  'bytea',
  'tsvector',
  'USER-DEFINED',
  'inet',
  'cidr',
  'macaddr',
  'xml',
])

let t: TestContext
let columns: (Column & { table: string; key: string })[]
beforeAll(async () => {
  t = await createTestContext()
  const result = await t.db.execute(sql`
    select table_schema, table_name, column_name, data_type
    from information_schema.columns
    where table_schema not in ('pg_catalog', 'information_schema')
    order by table_schema, table_name, ordinal_position`)
  columns = rowsOf<Column>(result).map((column) => {
    const table =
      column.table_schema === 'public' ? column.table_name : `${column.table_schema}.${column.table_name}`
    return { ...column, table, key: `${table}.${column.column_name}` }
  })
})
afterAll(() => t.close())

describe('what the database can hold about visitors', () => {
  it('knows whose data every table holds', () => {
    expect([...new Set(columns.map((column) => column.table))].sort()).toEqual(Object.keys(tables).sort())
  })

  it('has a written reason for every column that can hold text, and no other such column', () => {
    const textual = columns.filter((column) => TEXTUAL.has(column.data_type)).map((column) => column.key)
    const unexplained = textual.filter((key) => !(key in textColumns))
    const gone = Object.keys(textColumns).filter((key) => !textual.includes(key))
    expect({ unexplained, gone }).toEqual({ unexplained: [], gone: [] })
  })

  it('has no column named for personal data on a visitor’s tables, but the one reminder contact', () => {
    const visitorTables = new Set(
      Object.entries(tables).flatMap(([table, whose]) => (whose === 'visitor' ? [table] : [])),
    )
    const personal = columns
      .filter((column) => visitorTables.has(column.table) && PERSONAL.test(column.column_name))
      .map((column) => column.key)
    expect(personal).toEqual([ALLOWED_CONTACT])
  })

  it('stores no address type anywhere', () => {
    expect(columns.filter((column) => ['inet', 'cidr', 'macaddr'].includes(column.data_type))).toEqual([])
  })
})
