import { html, renderPage, type RenderedPage } from './html-layout.ts'
import { users } from './realm.ts'

export interface LoginPageInput {
  action: string
  clientId: string
  clientName: string
  /** The scope the client asked for, before the client-scope policy was applied. */
  requestedScope?: string
  /** The scope it will get: openid + default scopes + requested optional scopes. */
  grantedScope?: string
  username?: string
  error?: string
}

export const INVALID_CREDENTIALS = 'Invalid username or password.'

/** A look-alike of Keycloak's username/password form (keycloak.v2 theme). */
export function renderLoginPage(input: LoginPageInput): RenderedPage {
  const invalid = input.error ? 'true' : 'false'
  const body = html`
    <h1 id="kc-page-title">Sign in to your account</h1>
    ${
      input.error
        ? html`<div class="alert" role="alert"><span id="input-error">${input.error}</span></div>`
        : ''
    }
    <form id="kc-form-login" action="${input.action}" method="post" novalidate>
      <div class="form-group">
        <label for="username">Username or email</label>
        <input
          id="username"
          name="username"
          type="text"
          value="${input.username ?? ''}"
          autocomplete="username"
          autocapitalize="none"
          spellcheck="false"
          autofocus
          aria-invalid="${invalid}"
          ${input.error ? html` aria-describedby="input-error"` : ''}
        />
      </div>
      <div class="form-group">
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          aria-invalid="${invalid}"
          ${input.error ? html` aria-describedby="input-error"` : ''}
        />
      </div>
      <button class="btn" id="kc-login" name="login" type="submit">Sign In</button>
    </form>
    <dl class="small" aria-label="About this request">
      <dt>Client</dt>
      <dd>${input.clientName} (<code>${input.clientId}</code>)</dd>
      <dt>Requested scope</dt>
      <dd><code>${input.requestedScope || '(none)'}</code></dd>
      <dt>Scope granted (default + requested optional client scopes)</dt>
      <dd><code>${input.grantedScope || '(none)'}</code></dd>
      <dt>Demo users</dt>
      <dd>
        ${users.map((user, index) => html`${index > 0 ? ' · ' : ''}<code>${user.username}</code> / <code>${user.password}</code>`)}
      </dd>
    </dl>
  `
  return renderPage({ title: 'Sign in to Demo', body })
}
