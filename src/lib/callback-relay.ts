import { isCallbackPath } from '@/lib/app-base'

/** The message a `/callback` page loaded in a frame or popup sends to the lab that opened it. */
export interface CallbackRelayMessage {
  type: 'oidc-lab:callback'
  url: string
}

export const POPUP_NAME = 'oidc-lab-popup'

export function isCallbackRelayMessage(data: unknown): data is CallbackRelayMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'oidc-lab:callback' &&
    typeof (data as { url?: unknown }).url === 'string'
  )
}

/**
 * On `/callback` inside the matrix's hidden frame or sign-in popup, hands the URL to the opener
 * (same origin only) instead of starting the app. Returns true when it did.
 */
export function relayCallbackToOpener(win: Window): boolean {
  if (!isCallbackPath(win.location.pathname)) return false
  const opener = win.opener as Window | null
  const target = win.parent !== win ? win.parent : win.name === POPUP_NAME ? opener : null
  if (!target) return false
  const message: CallbackRelayMessage = { type: 'oidc-lab:callback', url: win.location.href }
  target.postMessage(message, win.location.origin)
  if (win.name === POPUP_NAME) win.close()
  return true
}
