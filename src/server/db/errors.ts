/** The constraint behind a unique violation (SQLSTATE 23505), whichever driver raised it. */
export function uniqueViolation(error: unknown): string | null {
  let current: unknown = error
  for (let depth = 0; current && depth < 4; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown; message?: unknown }
    if (candidate.code === '23505') {
      if (typeof candidate.constraint === 'string') return candidate.constraint
      const match =
        typeof candidate.message === 'string' ? /constraint "([^"]+)"/.exec(candidate.message) : null
      return match?.[1] ?? 'unknown'
    }
    current = candidate.cause
  }
  return null
}
