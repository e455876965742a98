import { en } from './en'
import { fr } from './fr'
import type { UiLocale } from './locales'

export type MessageKey = keyof typeof fr
export const messages: Record<UiLocale, Record<MessageKey, string>> = { fr, en }
