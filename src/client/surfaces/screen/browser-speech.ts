import type { Speaker } from './announcer'

type VoiceLike = { lang: string; default: boolean; localService: boolean }

/** The voice for a language: the engine's default if it speaks it, else a local one, else any. */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], lang: string): V | undefined {
  const primary = lang.toLowerCase().split('-')[0]
  const speaking = voices.filter(
    (voice) => voice.lang.toLowerCase().replace('_', '-').split('-')[0] === primary,
  )
  return (
    speaking.find((voice) => voice.default) ?? speaking.find((voice) => voice.localService) ?? speaking[0]
  )
}

/** Whether this browser can speak at all. */
export function canSpeak(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window
}

/**
 * A speaker over the browser's speech synthesis. `onStart` tells that speech really plays (the browser
 * did not block it for want of a user gesture).
 */
export function browserSpeaker(synthesis: SpeechSynthesis, onStart: () => void): Speaker {
  // Holding the utterance under way keeps it from being collected before its `end` event fires.
  let current: SpeechSynthesisUtterance | null = null
  return (utterance, done) => {
    const spoken = new SpeechSynthesisUtterance(utterance.text)
    spoken.lang = utterance.lang
    const voice = pickVoice(synthesis.getVoices(), utterance.lang)
    if (voice) spoken.voice = voice
    const over = () => {
      if (current === spoken) current = null
      done()
    }
    spoken.addEventListener('start', onStart)
    spoken.addEventListener('end', over)
    spoken.addEventListener('error', over)
    current = spoken
    synthesis.speak(current)
  }
}
