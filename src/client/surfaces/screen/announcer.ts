/** One sentence to say, in one language (a BCP 47 tag such as `fr`). */
export type Utterance = { text: string; lang: string }

/** Says one utterance and calls `done` once it is over, whether it ended or failed. */
export type Speaker = (utterance: Utterance, done: () => void) => void

export type Timers = {
  set: (run: () => void, ms: number) => unknown
  clear: (handle: unknown) => void
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/**
 * Longest time an utterance may take before the next one starts anyway. Speech engines sometimes never
 * report the end of an utterance; a screen must not fall silent for the rest of the day because of it.
 */
export function speakingTimeMs(text: string): number {
  return Math.min(20_000, 3000 + text.length * 150)
}

export type SpeechQueue = ReturnType<typeof createSpeechQueue>

/**
 * Says utterances one after another, in the order they were given. The next one starts only when the
 * current one is over (or its time is up): a call is never cut off by the next one, and nothing here
 * ever cancels speech under way.
 */
export function createSpeechQueue(options: {
  speak: Speaker
  timers?: Timers
  timeoutMs?: (utterance: Utterance) => number
}) {
  const { speak, timers = realTimers, timeoutMs = (u: Utterance) => speakingTimeMs(u.text) } = options
  const waiting: Utterance[] = []
  let isSpeaking = false
  let isStopped = false

  function next() {
    if (isSpeaking || isStopped) return
    const utterance = waiting.shift()
    if (!utterance) return
    isSpeaking = true
    let isOver = false
    const finish = () => {
      if (isOver) return
      isOver = true
      timers.clear(timer)
      isSpeaking = false
      next()
    }
    const timer = timers.set(finish, timeoutMs(utterance))
    try {
      speak(utterance, finish)
    } catch {
      finish()
    }
  }

  return {
    enqueue(...utterances: Utterance[]) {
      if (isStopped) return
      waiting.push(...utterances)
      next()
    },
    /** Utterances not started yet. */
    get pending(): number {
      return waiting.length
    },
    get isSpeaking(): boolean {
      return isSpeaking
    },
    /** The screen is going away: forget what was not said yet. */
    stop() {
      isStopped = true
      waiting.length = 0
    },
  }
}
