import { describe, expect, it } from 'vitest'
import { createSpeechQueue, speakingTimeMs, type Timers, type Utterance } from './announcer'

/** Timers run by hand, so a test decides when time passes. */
function manualTimers() {
  let next = 0
  const pending = new Map<number, () => void>()
  const timers: Timers = {
    set: (run) => {
      pending.set(++next, run)
      return next
    },
    clear: (handle) => void pending.delete(handle as number),
  }
  const fireAll = () => {
    for (const [id, run] of [...pending]) {
      pending.delete(id)
      run()
    }
  }
  return { timers, fireAll, count: () => pending.size }
}

/** A speech engine that only ends an utterance when told to. */
function fakeEngine() {
  const started: string[] = []
  const ends: (() => void)[] = []
  const speak = (utterance: Utterance, done: () => void) => {
    started.push(`${utterance.lang}: ${utterance.text}`)
    ends.push(done)
  }
  return { speak, started, ends, endCurrent: () => ends.at(-1)?.() }
}

const fr = { lang: 'fr', text: 'Ticket E 0 4 2, guichet 3' }
const en = { lang: 'en', text: 'Ticket E 0 4 2, desk 3' }
const next = { lang: 'fr', text: 'Ticket F 0 0 1, guichet 2' }

describe('speech queue', () => {
  it('says utterances one after another, never starting one before the last is over', () => {
    const engine = fakeEngine()
    const { timers } = manualTimers()
    const queue = createSpeechQueue({ speak: engine.speak, timers })
    queue.enqueue(fr, en)
    queue.enqueue(next)
    expect(engine.started).toEqual(['fr: Ticket E 0 4 2, guichet 3'])
    expect(queue.pending).toBe(2)
    engine.endCurrent()
    expect(engine.started).toHaveLength(2)
    engine.endCurrent()
    engine.endCurrent()
    expect(engine.started).toEqual([
      'fr: Ticket E 0 4 2, guichet 3',
      'en: Ticket E 0 4 2, desk 3',
      'fr: Ticket F 0 0 1, guichet 2',
    ])
    expect(queue.isSpeaking).toBe(false)
  })

  it('moves on when an engine never reports the end, and ignores a late end', () => {
    const engine = fakeEngine()
    const clock = manualTimers()
    const queue = createSpeechQueue({ speak: engine.speak, timers: clock.timers })
    queue.enqueue(fr, en)
    clock.fireAll()
    expect(engine.started).toHaveLength(2)
    engine.ends[0]?.()
    expect(engine.started).toHaveLength(2)
    expect(queue.isSpeaking).toBe(true)
  })

  it('copes with an engine that ends at once or throws', () => {
    const said: string[] = []
    const { timers, count } = manualTimers()
    const queue = createSpeechQueue({
      timers,
      speak: (utterance, done) => {
        said.push(utterance.lang)
        if (utterance.lang === 'en') throw new Error('no voice')
        done()
      },
    })
    queue.enqueue(fr, en, next)
    expect(said).toEqual(['fr', 'en', 'fr'])
    expect(count()).toBe(0)
  })

  it('says nothing more once stopped', () => {
    const engine = fakeEngine()
    const queue = createSpeechQueue({ speak: engine.speak, timers: manualTimers().timers })
    queue.enqueue(fr, en)
    queue.stop()
    engine.endCurrent()
    queue.enqueue(next)
    expect(engine.started).toHaveLength(1)
  })

  it('gives long sentences more time, within bounds', () => {
    expect(speakingTimeMs('Ticket E 0 4 2, guichet 3')).toBeGreaterThan(3000)
    expect(speakingTimeMs('x'.repeat(10_000))).toBe(20_000)
  })
})
