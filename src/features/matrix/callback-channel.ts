import { isCallbackRelayMessage, POPUP_NAME } from '@/lib/callback-relay'

function waitForCallback(
  signal: AbortSignal,
  timeoutMs: number,
  onDone: () => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const finish = () => {
      window.removeEventListener('message', onMessage)
      signal.removeEventListener('abort', onAbort)
      clearTimeout(timer)
      onDone()
    }
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || !isCallbackRelayMessage(event.data)) return
      finish()
      resolve(event.data.url)
    }
    const onAbort = () => {
      finish()
      reject(new DOMException('Cancelled', 'AbortError'))
    }
    const timer = setTimeout(() => {
      finish()
      reject(new Error(`No answer from the provider within ${timeoutMs / 1000} s`))
    }, timeoutMs)
    window.addEventListener('message', onMessage)
    signal.addEventListener('abort', onAbort)
  })
}

/** Sends a `prompt=none` authorization request through a hidden iframe; resolves with the callback URL. */
export function authorizeInFrame(
  url: string,
  signal: AbortSignal,
  timeoutMs = 10_000,
): Promise<string> {
  const frame = document.createElement('iframe')
  frame.hidden = true
  frame.title = 'silent authorization'
  const result = waitForCallback(signal, timeoutMs, () => frame.remove())
  frame.src = url
  document.body.append(frame)
  return result
}

/** Opens the provider's login in a popup (call it from a click); resolves with the callback URL. */
export function authorizeInPopup(
  url: string,
  signal: AbortSignal,
  timeoutMs = 300_000,
): Promise<string> {
  const popup = window.open(url, POPUP_NAME, 'popup,width=520,height=700')
  if (!popup)
    return Promise.reject(
      new Error('The browser blocked the sign-in popup: allow popups for this page.'),
    )
  return waitForCallback(signal, timeoutMs, () => {
    if (!popup.closed) popup.close()
  })
}
