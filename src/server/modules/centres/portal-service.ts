import type { PortalHome } from '../../../shared/schemas/centres'
import type { Database } from '../../db/client'
import { loadOpenStatuses } from './area-status'
import { listAreas } from './areas-service'
import { getCentreBySlug } from './centres-service'
import { presentArea, presentCentre, presentClosure } from './presenters'

/** Everything the portal home shows: the centre, its areas in plain words, and what is open now. */
export async function getPortalHome({
  db,
  slug,
  now,
}: {
  db: Database
  slug: string
  now: Date
}): Promise<PortalHome> {
  const centre = await getCentreBySlug({ db, slug })
  const [areas, statuses] = await Promise.all([
    listAreas({ db, centreId: centre.id }),
    loadOpenStatuses({ db, home: centre, now }),
  ])
  return {
    centre: presentCentre(centre),
    status: statuses.centre,
    localDate: statuses.localDate,
    areas: areas.map((row) => ({ ...presentArea(row), status: statuses.area(row.id) })),
    upcomingClosures: statuses.closures.slice(0, 5).map(presentClosure),
  }
}
