/**
 * The pages of the device authorization grant, after Keycloak's: the user code form at
 * `/realms/demo/device`, the consent Keycloak always asks for a device, and the final page.
 */
import { html, renderPage, type RenderedPage } from './html-layout.ts'

export const DEVICE_MESSAGES = {
  invalidCode: 'Invalid code, please try again.',
  expiredCode: 'The code has expired. Please go back to your device and try connecting again.',
  consentDenied: 'Consent denied for connecting the device.',
  complete: 'You may close this browser window and go back to your device.',
  failed: 'You may close this browser window and go back to your device and try connecting again.',
} as const

export interface DeviceCodePageInput {
  action: string
  xsrf: string
  /** Prefilled from `verification_uri_complete`. */
  userCode?: string
  error?: string
}

export function renderDeviceCodePage(input: DeviceCodePageInput): RenderedPage {
  const body = html`
    <h1 id="kc-page-title">Enter the code</h1>
    <p>Enter the code provided by your device and click Submit</p>
    ${
      input.error
        ? html`<div class="alert" role="alert"><span id="input-error">${input.error}</span></div>`
        : ''
    }
    <form
      id="kc-user-verify-device-user-code-form"
      action="${input.action}"
      method="post"
      novalidate
    >
      <input type="hidden" name="xsrf" value="${input.xsrf}" />
      <input type="hidden" name="confirm" value="yes" />
      <div class="form-group">
        <label for="device-user-code">User code</label>
        <input
          id="device-user-code"
          name="user_code"
          type="text"
          value="${input.userCode ?? ''}"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          autofocus
          aria-invalid="${input.error ? 'true' : 'false'}"
          ${input.error ? html` aria-describedby="input-error"` : ''}
        />
      </div>
      <button class="btn" id="kc-login" type="submit">Submit</button>
    </form>
  `
  return renderPage({ title: 'Device Login', body })
}

export interface DeviceConsentPageInput {
  action: string
  clientName: string
  /** Keycloak's consent screen texts of the scopes to grant. */
  scopes: readonly string[]
}

export function renderDeviceConsentPage(input: DeviceConsentPageInput): RenderedPage {
  const body = html`
    <h1 id="kc-page-title">Grant Access to ${input.clientName}</h1>
    <p>Do you grant these access privileges?</p>
    <ul id="kc-oauth-scopes">
      ${input.scopes.map((scope) => html`<li>${scope}</li>`)}
    </ul>
    <form id="kc-oauth" action="${input.action}" method="post">
      <div class="btn-row">
        <button class="btn" id="kc-login" name="accept" value="Yes" type="submit">Yes</button>
        <button class="btn btn-secondary" id="kc-cancel" name="cancel" value="No" type="submit">
          No
        </button>
      </div>
    </form>
  `
  return renderPage({ title: `Grant Access to ${input.clientName}`, body })
}

export type DeviceOutcome = 'complete' | 'consentDenied' | 'failed'

export function renderDeviceOutcomePage(outcome: DeviceOutcome): RenderedPage {
  const title = outcome === 'complete' ? 'Device Login Successful' : 'Device Login Failed'
  const message = DEVICE_MESSAGES[outcome]
  const body = html`
    <h1 id="kc-page-title">${title}</h1>
    <div class="alert ${outcome === 'complete' ? 'alert-info' : ''}" role="status">
      <span class="instruction">${message}</span>
    </div>
  `
  return renderPage({ title, body })
}
