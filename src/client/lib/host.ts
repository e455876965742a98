/** The host of a web address, to say where a link leads ("example.org"); the address itself if unreadable. */
export function hostOf(url: string) {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
