/**
 * RP-initiated logout with Keycloak's pages: no question when a valid `id_token_hint` comes with
 * the request, "Do you want to log out?" otherwise.
 */
import type { Configuration } from 'oidc-provider'
import { setPage } from './html-layout.ts'
import {
  renderLoggedOutPage,
  renderLogoutAutoSubmitPage,
  renderLogoutConfirmPage,
} from './realm-pages.ts'

type RpInitiatedLogout = NonNullable<NonNullable<Configuration['features']>['rpInitiatedLogout']>

export const rpInitiatedLogout: RpInitiatedLogout = {
  enabled: true,
  logoutSource: (ctx, form) => {
    // a validated id_token_hint makes Keycloak log out without asking
    const hinted = ctx.oidc.entities.IdTokenHint !== undefined
    setPage(ctx, hinted ? renderLogoutAutoSubmitPage(form) : renderLogoutConfirmPage(form))
  },
  postLogoutSuccessSource: (ctx) => {
    setPage(ctx, renderLoggedOutPage())
  },
}
