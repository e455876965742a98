import type { PortalHome } from '../../../shared/schemas/centres'
import type { Database } from '../../db/client'
import { listAreas } from './areas-service'
import { getCentreBySlug } from './centres-service'
import { listClosures, listOpeningSpans } from './hours-service'
import { computeAreaStatus, computeOpenStatus, localDateOf } from './opening-status'
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
  const localDate = localDateOf(now, centre.timezone)
  const [areas, spans, closures] = await Promise.all([
    listAreas({ db, centreId: centre.id }),
    listOpeningSpans({ db, centreId: centre.id }),
    listClosures({ db, centreId: centre.id, fromDate: localDate }),
  ])
  const centreSpans = spans.filter((span) => span.areaId === null)
  const centreClosures = closures.filter((c) => c.areaId === null)
  const status = computeOpenStatus({
    spans: centreSpans,
    closures: centreClosures,
    now,
    timezone: centre.timezone,
  })
  return {
    centre: presentCentre(centre),
    status,
    localDate,
    areas: areas.map((row) => {
      const areaStatus = computeAreaStatus({
        centreSpans,
        areaSpans: spans.filter((span) => span.areaId === row.id),
        centreClosures,
        areaClosures: closures.filter((c) => c.areaId === row.id),
        now,
        timezone: centre.timezone,
      })
      return { ...presentArea(row), status: areaStatus }
    }),
    upcomingClosures: closures.slice(0, 5).map(presentClosure),
  }
}
