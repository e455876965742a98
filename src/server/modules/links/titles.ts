import { sql } from 'drizzle-orm'
import { pickText } from '../../../shared/i18n/locales'
import type { NotebookItemKind } from '../../../shared/schemas/notebooks'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'
import { fieldRefusal } from '../../http/errors'
import { getBooking } from '../events/bookings'

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)

/**
 * The title of what a visitor's link points at (an item of a notebook, a resource attached to an answer),
 * checked to exist and, where things belong to a centre, to belong to this one: saved with the link, so
 * it reads well even once the thing is gone. An unknown reference is refused with 422 on `field`.
 */
export async function titleOf(options: {
  db: Database
  centreId: string
  item: { kind: NotebookItemKind; ref: string }
  language: string
  field?: string
}): Promise<string> {
  const { db, centreId, item, language } = options
  const one = async (query: ReturnType<typeof sql>) =>
    rowsOf<{ title: Record<string, string> | string }>(await db.execute(query))[0]?.title
  let title: Record<string, string> | string | undefined
  switch (item.kind) {
    case 'occupation': {
      const [taxonomy, ...rest] = item.ref.split(':')
      title = await one(
        sql`select title from occupation where taxonomy = ${taxonomy} and code = ${rest.join(':')}`,
      )
      break
    }
    case 'resource':
      if (isUuid(item.ref))
        title = await one(sql`select title from resource where id = ${item.ref} and centre_id = ${centreId}`)
      break
    case 'training':
      if (isUuid(item.ref))
        title = await one(
          sql`select title from training where id = ${item.ref} and (centre_id is null or centre_id = ${centreId})`,
        )
      break
    case 'event':
      if (isUuid(item.ref))
        title = await one(sql`select title from event where id = ${item.ref} and centre_id = ${centreId}`)
      break
    case 'service':
      if (isUuid(item.ref))
        title =
          await one(sql`select jsonb_build_object('fr', organisation || ' — ' || coalesce(name ->> 'fr', ''),
            'en', organisation || ' — ' || coalesce(name ->> 'en', name ->> 'fr', '')) as title
          from directory_service where id = ${item.ref} and centre_id = ${centreId}`)
      break
    case 'booking': {
      // A booking of this centre only, like everything else a link may point at.
      const booking = await getBooking({ db, code: item.ref }).catch(() => undefined)
      const home = await one(sql`select slug as title from centre where id = ${centreId}`)
      if (booking && booking.session.centre === home) title = pickText(booking.session.title, language)
      break
    }
  }
  if (title === undefined) throw fieldRefusal(options.field ?? 'ref', 'error.link.unknown')
  return typeof title === 'string' ? title : pickText(title, language, 'fr')
}
