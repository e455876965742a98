import { describe, expect, it } from 'vitest'
import {
  type CallBoard,
  compareIds,
  emptyBoard,
  parseAreaFilter,
  receiveCall,
  SHOWN_CALLS,
  type ShownCall,
  SNAPSHOT_GAP_MS,
  startConnection,
  startDay,
} from './calls'

// The server's clock runs five hours behind the screen's in most of these: nothing may depend on them agreeing.
const SERVER_NOW = Date.parse('2030-03-12T10:00:00Z')
const SCREEN_NOW = SERVER_NOW + 5 * 3600_000

function call(id: number, overrides: Partial<ShownCall> = {}): ShownCall {
  return {
    id: String(id),
    code: `E-${String(id).padStart(3, '0')}`,
    desk: 'Bureau 1',
    area: 'emploi',
    recall: false,
    at: new Date(SERVER_NOW).toISOString(),
    ...overrides,
  }
}

/** Feeds calls arriving at given screen times; returns the board and the ids announced. */
function feed(board: CallBoard, arrivals: [ShownCall, number][], areas: ReadonlySet<string> | null = null) {
  const announced: string[] = []
  for (const [incoming, now] of arrivals) {
    const result = receiveCall(board, incoming, { now, areas })
    board = result.board
    if (result.announce) announced.push(incoming.id)
  }
  return { board, announced }
}

const minutesAgo = (minutes: number) => new Date(SERVER_NOW - minutes * 60_000).toISOString()

describe('which calls a screen announces', () => {
  it('lists the first snapshot as history, however recent, then announces live calls', () => {
    const opened = startConnection(emptyBoard, SCREEN_NOW)
    const history = feed(opened, [
      [call(1, { at: minutesAgo(30) }), SCREEN_NOW + 10],
      [call(2, { at: minutesAgo(0) }), SCREEN_NOW + 12],
    ])
    expect(history.announced).toEqual([])
    expect(history.board.calls.map((c) => c.code)).toEqual(['E-002', 'E-001'])

    const live = feed(history.board, [[call(3), SCREEN_NOW + 20_000]])
    expect(live.announced).toEqual(['3'])
    expect(live.board.announcedId).toBe('3')
    expect(live.board.calls[0]?.code).toBe('E-003')
  })

  it('takes calls arriving without a pause as one snapshot, however long it lasts', () => {
    const opened = startConnection(emptyBoard, SCREEN_NOW)
    const step = SNAPSHOT_GAP_MS - 10
    const arrivals: [ShownCall, number][] = [1, 2, 3, 4].map((id) => [call(id), SCREEN_NOW + id * step])
    expect(feed(opened, arrivals).announced).toEqual([])
    const afterPause = feed(opened, [...arrivals, [call(5), SCREEN_NOW + 4 * step + SNAPSHOT_GAP_MS + 1]])
    expect(afterPause.announced).toEqual(['5'])
  })

  it('announces two quick calls both, in order, and a call heard twice once', () => {
    const board = startConnection(emptyBoard, SCREEN_NOW)
    const later = SCREEN_NOW + SNAPSHOT_GAP_MS + 1
    const { announced } = feed(board, [
      [call(4), later],
      [call(5), later + 30],
      [call(5), later + 40],
    ])
    expect(announced).toEqual(['4', '5'])
  })

  it('announces a recall again, keeping one line for the ticket', () => {
    const board = startConnection(emptyBoard, SCREEN_NOW)
    const later = SCREEN_NOW + SNAPSHOT_GAP_MS + 1
    const { board: after, announced } = feed(board, [
      [call(7), later],
      [call(8, { code: 'E-007', recall: true }), later + 60_000],
    ])
    expect(announced).toEqual(['7', '8'])
    expect(after.calls.map((c) => [c.id, c.code, c.recall])).toEqual([['8', 'E-007', true]])
  })

  it('after a reconnection, announces the missed calls that are recent by the learnt server clock only', () => {
    let board = startConnection(emptyBoard, SCREEN_NOW)
    board = feed(board, [[call(10), SCREEN_NOW + 5000]]).board
    // Ten minutes offline; the server clock moved on as much as the screen's.
    const back = SCREEN_NOW + 5000 + 10 * 60_000
    board = startConnection(board, back)
    const replay = feed(board, [
      [call(11, { at: new Date(SERVER_NOW + 2 * 60_000).toISOString() }), back + 5],
      [call(12, { at: new Date(SERVER_NOW + 9.5 * 60_000).toISOString() }), back + 6],
    ])
    expect(replay.announced).toEqual(['12'])
    expect(replay.board.calls.map((c) => c.id)).toEqual(['12', '11', '10'])
  })

  it('without a live call yet, judges a replay by the screen clock', () => {
    const synced = SERVER_NOW
    let board = startConnection(emptyBoard, synced)
    board = startConnection(board, synced + 60_000)
    const { announced } = feed(board, [
      [call(20, { at: new Date(synced + 30_000).toISOString() }), synced + 60_010],
      [call(21, { at: new Date(synced - 10 * 60_000).toISOString() }), synced + 60_020],
    ])
    expect(announced).toEqual(['20'])
  })

  it('shows and announces only the areas of the screen, yet learns the server clock from any call', () => {
    const board = startConnection(emptyBoard, SCREEN_NOW)
    const later = SCREEN_NOW + SNAPSHOT_GAP_MS + 1
    const { board: after, announced } = feed(
      board,
      [
        [call(30, { area: 'emploi' }), later],
        [call(31, { code: 'F-001', area: 'formation' }), later + 10],
      ],
      new Set(['formation']),
    )
    expect(announced).toEqual(['31'])
    expect(after.calls.map((c) => c.code)).toEqual(['F-001'])
    expect(after.skewMs).toBe(SERVER_NOW - (later + 10))
  })

  it('clears the calls of the day before, still knowing what it heard', () => {
    let board = startConnection(emptyBoard, SCREEN_NOW)
    board = feed(board, [[call(1), SCREEN_NOW + 5000]]).board
    board = startDay(board)
    expect(board.calls).toEqual([])
    expect(feed(board, [[call(1), SCREEN_NOW + 9000]]).announced).toEqual([])
  })

  it('keeps the last few calls, newest first by event id', () => {
    let board = startConnection(emptyBoard, SCREEN_NOW)
    for (let id = 1; id <= SHOWN_CALLS + 3; id++) board = feed(board, [[call(id), SCREEN_NOW]]).board
    board = feed(board, [[call(2), SCREEN_NOW]]).board
    expect(board.calls.map((c) => c.id)).toEqual(
      Array.from({ length: SHOWN_CALLS }, (_, i) => String(SHOWN_CALLS + 3 - i)),
    )
  })
})

describe('event ids and area filters', () => {
  it('compares ids as numbers', () => {
    expect(compareIds('9', '10')).toBeLessThan(0)
    expect(compareIds('123456789012345678', '123456789012345677')).toBeGreaterThan(0)
    expect(compareIds('42', '42')).toBe(0)
  })

  it('reads ?areas= as a set of slugs, absent or empty meaning all areas', () => {
    expect(parseAreaFilter(null)).toBeNull()
    expect(parseAreaFilter(' , ')).toBeNull()
    expect([...(parseAreaFilter('emploi, Formation,') ?? [])]).toEqual(['emploi', 'formation'])
  })
})
