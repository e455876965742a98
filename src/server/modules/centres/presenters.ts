import type { Pictogram } from '../../../shared/constants'
import type { Area, Centre, Closure, Desk } from '../../../shared/schemas/centres'
import type { area, centre, closure, desk } from '../../db/schema/centres'

// Presenters choose what leaves the server: never a raw row.

export function presentCentre(row: typeof centre.$inferSelect): Centre {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    timezone: row.timezone,
    languages: row.languages,
    defaultLanguage: row.defaultLanguage,
    address: row.address,
  }
}

export function presentArea(row: typeof area.$inferSelect): Area {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    colour: row.colour,
    pictogram: row.pictogram as Pictogram,
    position: row.position,
    ticketLetter: row.ticketLetter,
  }
}

export function presentDesk(row: typeof desk.$inferSelect, areaIds: string[]): Desk {
  return { id: row.id, name: row.name, position: row.position, areaIds }
}

export function presentClosure(row: typeof closure.$inferSelect): Closure {
  return { id: row.id, areaId: row.areaId, startsOn: row.startsOn, endsOn: row.endsOn, reason: row.reason }
}
