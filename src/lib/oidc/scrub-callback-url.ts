/** What a callback URL carries that must not stay in the address bar (and so in history and bookmarks). */
export const CALLBACK_CREDENTIALS = ['code', 'state', 'session_state', 'iss'] as const

/**
 * The callback URL without `code`, `state`, `session_state` and `iss`, other parameters and the
 * fragment kept; `undefined` when there is nothing to remove (or the URL is unreadable). The
 * exchanged code is useless to anybody, but it is still a credential and it says who signed in.
 */
export function scrubCallbackUrl(href: string): string | undefined {
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return undefined
  }
  const present = CALLBACK_CREDENTIALS.filter((name) => url.searchParams.has(name))
  if (present.length === 0) return undefined
  for (const name of present) url.searchParams.delete(name)
  return `${url.pathname}${url.search}${url.hash}`
}
