import { html, raw, renderPage, type RenderedPage } from './html-layout.ts'
import { clientUris, clients, users, type ClientUris } from './realm.ts'

/**
 * oidc-provider hands over its xsrf-protected form (`id="op.logoutForm"`); the buttons live
 * outside it and point at it with `form=`.
 */
export function renderLogoutConfirmPage(form: string): RenderedPage {
  return renderPage({
    title: 'Logging out',
    body: html`
      <h1>Logging out</h1>
      <p>Do you want to log out?</p>
      ${raw(form)}
      <button
        class="btn"
        type="submit"
        form="op.logoutForm"
        name="logout"
        value="yes"
        id="kc-logout"
      >
        Logout
      </button>
    `,
  })
}

// Keycloak skips the question when the logout request carries a valid id_token_hint.
const autoSubmit = `document.addEventListener('DOMContentLoaded',function(){document.getElementById('op.logoutForm').submit()})`

export function renderLogoutAutoSubmitPage(form: string): RenderedPage {
  return renderPage({
    title: 'Logging out',
    script: autoSubmit,
    body: html`
      <h1>Logging out</h1>
      ${raw(form)}
      <input type="hidden" form="op.logoutForm" name="logout" value="yes" />
      <noscript><button class="btn" type="submit" form="op.logoutForm">Continue</button></noscript>
    `,
  })
}

export function renderLoggedOutPage(): RenderedPage {
  return renderPage({
    title: 'You are logged out',
    body: html`<h1>You are logged out</h1>
      <div class="alert alert-info">You have been signed out of the demo realm.</div>`,
  })
}

export function renderErrorPage(message: string, detail?: string): RenderedPage {
  return renderPage({
    title: 'We are sorry...',
    body: html`
      <h1>We are sorry...</h1>
      <div class="alert" role="alert"><span id="kc-error-message">${message}</span></div>
      ${detail ? html`<p class="small">${detail}</p>` : ''}
    `,
  })
}

export function renderHomePage(issuer: string, uris: ClientUris = clientUris()): RenderedPage {
  const discovery = `${issuer}/.well-known/openid-configuration`
  return renderPage({
    title: 'Demo realm',
    body: html`
      <h1>Demo realm</h1>
      <p>A Keycloak-shaped OpenID Provider for OIDC Lab.</p>
      <p>Issuer: <code>${issuer}</code><br />Discovery: <a href="${discovery}">${discovery}</a></p>
      <table>
        <thead>
          <tr>
            <th>User</th>
            <th>Password</th>
            <th>Email</th>
          </tr>
        </thead>
        <tbody>
          ${users.map(
            (user) =>
              html`<tr>
                <td>${user.username}</td>
                <td>${user.password}</td>
                <td>
                  ${user.email ? `${user.email}${user.emailVerified ? '' : ' (unverified)'}` : '(none)'}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p></p>
      <table>
        <thead>
          <tr>
            <th>Client</th>
            <th>Default scopes</th>
            <th>Optional scopes</th>
          </tr>
        </thead>
        <tbody>
          ${clients.map(
            (client) =>
              html`<tr>
                <td><code>${client.clientId}</code> (${client.type})</td>
                <td>${client.defaultScopes.join(' ')}</td>
                <td>${client.optionalScopes.join(' ')}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p class="small">Redirect URIs: ${uris.redirectUris.join(', ')}</p>
    `,
  })
}
