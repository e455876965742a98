import type { LiveCall } from '../../../shared/schemas/tickets'

/** A call that a screen learns of late (after a reconnection) is still announced if it is this recent. */
export const FRESH_MS = 60_000
/** Calls a screen lists: the current one and the few before it. */
export const SHOWN_CALLS = 7
/**
 * A connection's snapshot (or replay) is written at once after its first event: a call arriving within
 * this time of the event before it belongs to it. A live call comes on its own, after a silence.
 */
export const SNAPSHOT_GAP_MS = 500
/** Event ids remembered to drop a call heard twice; far more than a replay ever holds. */
const REMEMBERED_IDS = 400

export type ShownCall = LiveCall & { id: string }

/**
 * What a waiting-room screen knows of the calls of the day. Deciding what to announce cannot rely on
 * the screen's own clock (a television's clock may be wrong): a call that arrives on its own, once a
 * connection has settled, has just been made, and its time tells how far the server's clock is from
 * ours. Calls in the first snapshot after the screen starts are history and are never announced; calls
 * replayed after a reconnection are announced only if they are recent by that learnt clock.
 */
export type CallBoard = {
  /** Newest first, one line per ticket. */
  calls: readonly ShownCall[]
  /** Ids already heard, oldest first. */
  seen: readonly string[]
  /** Server clock minus screen clock, in milliseconds, learnt from the last live call. */
  skewMs: number | null
  /** Calls arriving before this moment (screen clock) still belong to the latest connection's snapshot. */
  snapshotUntil: number
  /** Connections opened so far: the first one's snapshot is history. */
  connections: number
  /** The call last announced, to highlight it. */
  announcedId: string | null
}

export const emptyBoard: CallBoard = {
  calls: [],
  seen: [],
  skewMs: null,
  snapshotUntil: 0,
  connections: 0,
  announcedId: null,
}

/** A connection (first or renewed) has delivered its first event: its snapshot follows at once. */
export function startConnection(board: CallBoard, now: number): CallBoard {
  return { ...board, connections: board.connections + 1, snapshotUntil: now + SNAPSHOT_GAP_MS }
}

/** A new service day at the centre: yesterday's calls leave the screen; what was heard stays known. */
export function startDay(board: CallBoard): CallBoard {
  return { ...board, calls: [], announcedId: null }
}

/** Event ids are increasing integers; compared as numbers without losing precision. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)
}

/**
 * A call event reached the screen at `now` (screen clock). Returns the new board and whether to
 * announce the call (speak it and highlight it). `areas` lists the area slugs this screen shows (null:
 * all of them); calls for other areas are neither shown nor announced.
 */
export function receiveCall(
  board: CallBoard,
  call: ShownCall,
  options: { now: number; areas: ReadonlySet<string> | null },
): { board: CallBoard; announce: boolean } {
  const { now, areas } = options
  const at = Date.parse(call.at)
  const isLive = board.connections > 0 && now > board.snapshotUntil
  const snapshotUntil = isLive ? board.snapshotUntil : now + SNAPSHOT_GAP_MS
  // Any live call tells the server's time, whichever area it belongs to.
  const skewMs = isLive && Number.isFinite(at) ? at - now : board.skewMs
  if (board.seen.includes(call.id) || (areas && !areas.has(call.area)))
    return { board: { ...board, skewMs, snapshotUntil }, announce: false }

  const age = now + (skewMs ?? 0) - at
  const isHistory = board.connections <= 1 && !isLive
  const announce = !isHistory && Number.isFinite(age) && Math.abs(age) < FRESH_MS
  // One line per ticket: a recall or a later call by another desk replaces the earlier line.
  const calls = [call, ...board.calls]
    .sort((a, b) => compareIds(b.id, a.id))
    .filter((shown, index, all) => all.findIndex((other) => other.code === shown.code) === index)
    .slice(0, SHOWN_CALLS)
  return {
    board: {
      ...board,
      calls,
      seen: [...board.seen, call.id].slice(-REMEMBERED_IDS),
      skewMs,
      snapshotUntil,
      announcedId: announce ? call.id : board.announcedId,
    },
    announce,
  }
}

/** `?areas=emploi,formation`: the areas a screen shows; absent or empty means all of them. */
export function parseAreaFilter(param: string | null): ReadonlySet<string> | null {
  const slugs = (param ?? '')
    .split(',')
    .map((slug) => slug.trim().toLowerCase())
    .filter(Boolean)
  return slugs.length ? new Set(slugs) : null
}
