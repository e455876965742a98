import { useCallback, useEffect, useRef, useState } from 'react'

/** A short two-tone chime made on the spot with the Web Audio API: no sound file to fetch. */
function chime(audio: AudioContext, repeats = 2) {
  const start = audio.currentTime + 0.05
  for (let index = 0; index < repeats * 2; index++) {
    const at = start + index * 0.32
    const tone = audio.createOscillator()
    const volume = audio.createGain()
    tone.type = 'sine'
    tone.frequency.value = index % 2 === 0 ? 660 : 880
    // A soft attack and release: no click at either end of the note.
    volume.gain.setValueAtTime(0.0001, at)
    volume.gain.exponentialRampToValueAtTime(0.35, at + 0.03)
    volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.28)
    tone.connect(volume).connect(audio.destination)
    tone.start(at)
    tone.stop(at + 0.3)
  }
}

/**
 * Sound and vibration when the visitor's turn comes. Browsers only let a page make sound after a tap on
 * it, so the sound is switched on by the visitor (the tap unlocks it, and a short chime confirms it);
 * vibration likewise waits until the page has been touched once.
 */
export function useCallAlert() {
  const audio = useRef<AudioContext | null>(null)
  const [soundOn, setSoundOn] = useState(false)
  const canSound = typeof window.AudioContext === 'function'

  const setSound = useCallback((on: boolean) => {
    setSoundOn(on)
    if (!on || typeof window.AudioContext !== 'function') return
    audio.current ??= new AudioContext()
    const context = audio.current
    context
      .resume()
      .then(() => chime(context, 1))
      .catch(() => setSoundOn(false))
  }, [])

  const alert = useCallback(() => {
    const context = audio.current
    // A phone that slept may have suspended the sound: wake it first.
    if (soundOn && context)
      context
        .resume()
        .then(() => chime(context))
        .catch(() => {})
    if (navigator.userActivation?.hasBeenActive && 'vibrate' in navigator) navigator.vibrate([400, 200, 400])
  }, [soundOn])

  useEffect(
    () => () => {
      void audio.current?.close()
    },
    [],
  )

  return { canSound, soundOn, setSound, alert }
}
