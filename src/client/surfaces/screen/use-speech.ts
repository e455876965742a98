import { useCallback, useEffect, useRef, useState } from 'react'
import { createSpeechQueue, type SpeechQueue, type Utterance } from './announcer'
import { browserSpeaker, canSpeak } from './browser-speech'

/**
 * The screen's voice. Browsers may refuse to speak before someone has touched the page; `isSoundOn`
 * turns true once speech is known to play (an utterance started) or someone pressed "Enable sound".
 */
export function useSpeech() {
  const [isSupported] = useState(canSpeak)
  const [isSoundOn, setSoundOn] = useState(false)
  const queue = useRef<SpeechQueue | null>(null)

  useEffect(() => {
    if (!isSupported) return
    const synthesis = window.speechSynthesis
    // Asking once makes engines that load their voices lazily start loading them now.
    synthesis.getVoices()
    const created = createSpeechQueue({ speak: browserSpeaker(synthesis, () => setSoundOn(true)) })
    queue.current = created
    return () => {
      // Leaving the screen silences it; speech this screen did not start is not its to stop.
      if (created.isSpeaking) synthesis.cancel()
      created.stop()
      queue.current = null
    }
  }, [isSupported])

  const say = useCallback((utterances: Utterance[]) => queue.current?.enqueue(...utterances), [])
  /** Called from the button's press: the gesture lets the browser speak from now on. */
  const enable = useCallback((confirmation: Utterance) => {
    setSoundOn(true)
    queue.current?.enqueue(confirmation)
  }, [])
  return { isSupported, isSoundOn, say, enable }
}
