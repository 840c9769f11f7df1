/**
 * The bad-input catalogue, UI level: each row is one real bad input (a misbehaving realm of the
 * quirky provider, a tampered callback, stored garbage, a garbage link or fragment), the way to
 * reach it, and the specific message the lab must answer with. After each row the app must still
 * work: no error-boundary fallback, the lab's views still there. The unit-level rows are in
 * src/testing/bad-input-catalogue.test.ts.
 */
/* eslint-disable playwright/no-standalone-expect -- the rows' callbacks run inside the test below */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { LabPage } from './pages/lab-page'
import {
  startQuirkyProvider,
  type QuirkyProvider,
  type QuirkyRealm,
} from './servers/quirky-provider'

let provider: QuirkyProvider

test.beforeAll(async () => {
  provider = await startQuirkyProvider({ port: 8092 })
})

test.afterAll(async () => {
  await provider.close()
})

interface Row {
  name: string
  /** Drives the app to the bad input; returns the element that must carry the message. */
  reach: (lab: LabPage, page: Page) => Promise<void>
  /** `[role=alert][data-diagnosis=…]`, or another selector for the element with the message. */
  diagnosis?: string
  selector?: string
  text: RegExp
  /** Extra steps and checks after the message (e.g. a repair). */
  after?: (lab: LabPage, page: Page) => Promise<void>
  /** The flow UI must be there afterwards (lab route); the callback route shows its own steps. */
  route?: 'lab' | 'callback' | 'any'
  slow?: boolean
}

const linkTo = (realm: QuirkyRealm, extra: Record<string, string> = {}) =>
  `/?${new URLSearchParams({ issuer: provider.issuerFor(realm), client_id: 'any-spa', scope: 'openid', ...extra }).toString()}`

/** Opens the lab on a realm and signs in (the quirky provider answers at once with a code). */
async function signIn(lab: LabPage, realm: QuirkyRealm, query: Record<string, string> = {}) {
  await lab.open({
    issuer: provider.issuerFor(realm),
    client_id: 'any-spa',
    scope: 'openid',
    ...query,
  })
  await lab.startAuthorization.click()
  await lab.waitForCallback()
}

async function exchange(lab: LabPage, realm: QuirkyRealm) {
  await signIn(lab, realm)
  await lab.exchangeCode.click()
}

async function userinfo(lab: LabPage, realm: QuirkyRealm) {
  await exchange(lab, realm)
  await expect(lab.accessToken).toBeVisible()
  await lab.callUserinfo.click()
}

/** The state of the authorization request this tab sent. */
const sentState = (page: Page) => new URL(page.url()).searchParams.get('state') ?? ''

const withStorage =
  (storage: 'localStorage' | 'sessionStorage', key: string, value: string, path: string) =>
  async (_lab: LabPage, page: Page) => {
    await page.addInitScript(
      ([s, k, v]) => {
        window.sessionStorage.removeItem('oidc-lab:flow:v1')
        window[s as 'localStorage' | 'sessionStorage'].setItem(k as string, v as string)
      },
      [storage, key, value],
    )
    await page.goto(path)
  }

const rows: Row[] = [
  // the issuer and its discovery document
  {
    name: 'issuer malformed (not a URL)',
    reach: async (_lab, page) => void (await page.goto('/?issuer=login.example%2Frealms%2Fx')),
    diagnosis: 'invalid_deep_link',
    text: /is not an absolute URL/,
  },
  {
    name: 'issuer unreachable (nothing listens)',
    reach: async (_lab, page) =>
      void (await page.goto('/?issuer=http%3A%2F%2Flocalhost%3A9%2Frealms%2Fx')),
    diagnosis: 'cors_or_network',
    text: /localhost:9/,
  },
  {
    name: 'discovery 404',
    reach: async (_lab, page) => void (await page.goto(linkTo('disc-404'))),
    diagnosis: 'discovery_failed',
    text: /No discovery document at this issuer \(404\)/,
  },
  {
    name: 'discovery 500',
    reach: async (_lab, page) => void (await page.goto(linkTo('disc-500'))),
    diagnosis: 'discovery_failed',
    text: /Discovery failed with HTTP 500/,
  },
  {
    name: 'discovery answers an HTML login page',
    reach: async (_lab, page) => void (await page.goto(linkTo('disc-html'))),
    diagnosis: 'discovery_failed',
    text: /returned a page, not JSON[\s\S]*Corporate SSO/,
  },
  {
    name: 'discovery JSON cut off',
    reach: async (_lab, page) => void (await page.goto(linkTo('disc-truncated'))),
    diagnosis: 'discovery_failed',
    text: /cut off \(truncated JSON\)/,
  },
  {
    name: 'discovery answers null',
    reach: async (_lab, page) => void (await page.goto(linkTo('disc-null'))),
    diagnosis: 'discovery_failed',
    text: /answered null/,
  },
  {
    name: 'discovery JSON without issuer',
    reach: async (_lab, page) => void (await page.goto(linkTo('disc-no-issuer'))),
    diagnosis: 'discovery_failed',
    text: /lacks “issuer”/,
  },
  {
    name: 'discovery states another issuer (same host)',
    reach: async (_lab, page) => void (await page.goto(linkTo('mismatch'))),
    diagnosis: 'discovery_failed',
    text: /The provider reports a different issuer/,
  },
  {
    name: 'discovery states an issuer on another host: warned, and never adopted without a confirm',
    reach: async (_lab, page) => void (await page.goto(linkTo('disc-otherhost'))),
    diagnosis: 'discovery_failed',
    text: /The provider states an issuer on another host[\s\S]*127\.0\.0\.1/,
    after: async (_lab, page) => {
      const button = page.getByRole('button', { name: /another host: 127\.0\.0\.1:8092\)…$/ })
      let asked = ''
      page.once('dialog', (dialog) => {
        asked = dialog.message()
        void dialog.dismiss()
      })
      await button.click()
      expect(asked).toContain('on another host (127.0.0.1:8092)')
      // declined: still on the typed issuer, still diagnosed
      await expect(page.locator('[data-diagnosis="discovery_failed"]')).toContainText(
        'another host',
      )
    },
  },
  {
    name: 'discovery without CORS',
    reach: async (_lab, page) => void (await page.goto(linkTo('disc-nocors'))),
    diagnosis: 'cors_or_network',
    text: /CORS|origin/i,
  },
  {
    name: 'discovery never answers (timeout)',
    reach: async (_lab, page) => void (await page.goto(linkTo('disc-hang'))),
    diagnosis: 'cors_or_network',
    text: /No answer in time/,
    slow: true,
  },
  {
    name: 'the matrix when discovery failed',
    reach: async (_lab, page) => void (await page.goto(`${linkTo('disc-500')}#matrix`)),
    selector: '[data-matrix-blocked="discovery"]',
    text: /The matrix cannot run: discovery failed \(Discovery failed with HTTP 500\)/,
  },
  // callbacks
  {
    name: 'callback without code',
    reach: async (lab, page) => {
      await signIn(lab, 'lenient')
      await page.goto(`/callback?state=${sentState(page)}`)
    },
    diagnosis: 'missing_code',
    text: /code/,
    route: 'callback',
  },
  {
    name: 'callback with error=access_denied',
    reach: async (lab, page) => {
      await signIn(lab, 'lenient')
      await page.goto(
        `/callback?error=access_denied&error_description=User%20cancelled&state=${sentState(page)}`,
      )
    },
    diagnosis: 'access_denied',
    text: /User cancelled/,
    route: 'callback',
  },
  {
    name: 'callback with a wrong state',
    reach: async (lab, page) => {
      await signIn(lab, 'lenient')
      await page.goto('/callback?code=forged&state=not-the-one-sent')
    },
    diagnosis: 'state_mismatch',
    text: /state/,
    route: 'callback',
  },
  {
    name: 'a replayed code',
    reach: async (lab) => {
      await exchange(lab, 'lenient')
      await expect(lab.idToken).toBeVisible()
      await lab.exchangeCode.click()
    },
    diagnosis: 'invalid_grant',
    text: /code already used|already/i,
    route: 'callback',
  },
  {
    name: 'a wrong client secret',
    reach: async (lab, page) => {
      await page.goto(linkTo('basic-only', { client_id: 'basic-only' }))
      await expect(page.getByText('Discovery document loaded')).toBeVisible()
      await lab.useSecret('not-the-secret')
      await lab.startAuthorization.click()
      await lab.waitForCallback()
      await lab.exchangeCode.click()
    },
    diagnosis: 'invalid_client',
    text: /secret/i,
    route: 'callback',
  },
  // token responses
  {
    name: 'token response is plain text',
    reach: (lab) => exchange(lab, 'token-text'),
    diagnosis: 'non_standard_response',
    text: /plain text/,
    route: 'callback',
  },
  {
    name: 'token response without access_token',
    reach: (lab) => exchange(lab, 'token-no-at'),
    diagnosis: 'non_standard_response',
    text: /access_token/,
    route: 'callback',
  },
  {
    name: 'token response with token_type mac',
    reach: (lab) => exchange(lab, 'token-mac'),
    selector: '[role="alert"][data-diagnosis]',
    text: /mac/,
    route: 'callback',
  },
  {
    name: 'token response JSON cut off',
    reach: (lab) => exchange(lab, 'token-truncated'),
    diagnosis: 'non_standard_response',
    text: /cut off/,
    route: 'callback',
  },
  {
    name: 'token endpoint without CORS',
    reach: (lab) => exchange(lab, 'nocors'),
    diagnosis: 'cors_or_network',
    text: /Web origins/i,
    route: 'callback',
  },
  // the JWKS, as seen by the signature check
  {
    name: 'JWKS 404',
    reach: (lab) => exchange(lab, 'jwks-404'),
    selector: '[aria-label="ID token"] [data-check="signature"][data-status="fail"]',
    text: /HTTP 404\. Likely cause: jwks_uri/,
    route: 'callback',
  },
  {
    name: 'JWKS is an HTML page',
    reach: (lab) => exchange(lab, 'jwks-html'),
    selector: '[aria-label="ID token"] [data-check="signature"][data-status="fail"]',
    text: /HTML page/,
    route: 'callback',
  },
  {
    name: 'JWKS without the token’s kid',
    reach: (lab) => exchange(lab, 'jwks-nokid'),
    selector: '[aria-label="ID token"] [data-check="signature"][data-status="fail"]',
    text: /no key with kid quirky-1 .*its keys: rotated-away/,
    route: 'callback',
  },
  // userinfo
  {
    name: 'userinfo 401 invalid_token',
    reach: (lab) => userinfo(lab, 'userinfo-401'),
    diagnosis: 'invalid_token',
    text: /token revoked/,
    route: 'callback',
  },
  {
    name: 'userinfo bare 403',
    reach: (lab) => userinfo(lab, 'userinfo-403'),
    selector: '[data-step="userinfo"] [role="alert"][data-diagnosis]',
    text: /403/,
    route: 'callback',
  },
  {
    name: 'userinfo 500',
    reach: (lab) => userinfo(lab, 'userinfo-500'),
    selector: '[data-step="userinfo"] [role="alert"][data-diagnosis]',
    text: /500/,
    route: 'callback',
  },
  {
    name: 'userinfo 200 with an HTML page',
    reach: (lab) => userinfo(lab, 'userinfo-html'),
    selector: '[data-step="userinfo"] [role="alert"][data-diagnosis]',
    text: /HTML page/,
    route: 'callback',
  },
  // stored values
  {
    name: 'a remembered setup with clientId null',
    reach: withStorage('localStorage', 'oidc-lab:remembered-config:v1', '{"clientId":null}', '/'),
    selector: '[data-notice="storage"]',
    text: /unreadable and were reset: clientId/,
  },
  {
    name: 'a remembered setup that is not JSON',
    reach: withStorage('localStorage', 'oidc-lab:remembered-config:v1', '{"clientId":', '/'),
    selector: '[data-notice="storage"]',
    text: /remembered/i,
  },
  {
    name: 'a saved flow with an empty config, then a callback',
    reach: withStorage(
      'sessionStorage',
      'oidc-lab:flow:v1',
      '{"config":{}}',
      '/callback?code=x&state=y',
    ),
    selector: '[data-notice="storage"]',
    text: /The saved flow of this tab was unreadable and was dropped/,
    route: 'any',
  },
  {
    name: 'a stored run that is null',
    reach: async (_lab, page) => {
      await page.goto('/#history')
      await expect(page.getByRole('heading', { name: 'Run history' })).toBeVisible()
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const req = indexedDB.open('oidc-lab-runs')
            req.onsuccess = () => {
              const tx = req.result.transaction('runs', 'readwrite')
              tx.objectStore('runs').put(null, 'broken-run')
              tx.oncomplete = () => {
                req.result.close()
                resolve()
              }
              tx.onabort = () => reject(new Error('write failed'))
            }
            req.onerror = () => reject(new Error('open failed'))
          }),
      )
      await page.reload()
    },
    selector: '[data-notice="skipped"]',
    text: /1 saved record was unreadable and skipped/,
    after: async (_lab, page) => {
      await page.getByRole('button', { name: 'Delete unreadable records' }).click()
      await expect(page.locator('[data-notice="skipped"]')).toHaveCount(0)
    },
  },
  {
    name: 'a run database of a foreign shape, repaired',
    reach: async (_lab, page) => {
      await page.goto('/')
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const del = indexedDB.deleteDatabase('oidc-lab-runs')
            del.onsuccess = () => {
              // a version far above any the app creates: the upgrade runs even if the app, still
              // loading, recreated its own database between the delete and this open
              const req = indexedDB.open('oidc-lab-runs', 1000)
              req.onupgradeneeded = () => {
                const db = req.result
                if (db.objectStoreNames.contains('runs')) db.deleteObjectStore('runs')
                db.createObjectStore('runs', { keyPath: 'id' })
              }
              req.onsuccess = () => {
                req.result.close()
                resolve()
              }
              req.onerror = () => reject(new Error('open failed'))
            }
            del.onerror = () => reject(new Error('delete failed'))
          }),
      )
      await page.goto('/#history')
    },
    diagnosis: 'history_storage_foreign',
    text: /keyPath "id"/,
    after: async (_lab, page) => {
      await page.getByRole('button', { name: 'Reset history storage' }).click()
      await expect(page.locator('[data-diagnosis="history_storage_foreign"]')).toHaveCount(0)
      await expect(page.getByRole('heading', { name: 'Run history' })).toBeVisible()
    },
  },
  // deep links and fragments
  {
    name: 'deep link ?scope=%ZZ',
    reach: async (_lab, page) => void (await page.goto('/?scope=%ZZ')),
    diagnosis: 'invalid_deep_link',
    text: /malformed percent-encoding "%ZZ"/,
  },
  {
    name: 'deep link with bytes that are not UTF-8',
    reach: async (_lab, page) => void (await page.goto('/?client_id=%C3%28')),
    diagnosis: 'invalid_deep_link',
    text: /not valid UTF-8/,
  },
  {
    name: 'deep link carrying a secret',
    reach: async (_lab, page) => void (await page.goto('/?preset=demo&client_secret=hunter2')),
    diagnosis: 'invalid_deep_link',
    text: /never carry secrets/,
  },
  {
    name: 'deep link with an unknown grant',
    reach: async (_lab, page) => void (await page.goto('/?grant=password')),
    diagnosis: 'invalid_deep_link',
    text: /Unknown grant password\. Known grants: authorization_code/,
  },
  {
    name: 'fragment #matrix?x=1',
    reach: async (_lab, page) => void (await page.goto('/#matrix?x=1')),
    diagnosis: 'unknown_fragment',
    text: /#matrix takes only sets=.*x ignored/,
    route: 'any',
  },
  {
    name: 'fragment #compare= with one run id',
    reach: async (_lab, page) => void (await page.goto('/#compare=only-one')),
    diagnosis: 'unknown_fragment',
    text: /takes exactly two run ids/,
    route: 'any',
  },
  {
    name: 'fragment #<img src=x onerror=alert(1)>',
    reach: async (_lab, page) => void (await page.goto('/#%3Cimg%20src=x%20onerror=alert(1)%3E')),
    diagnosis: 'unknown_fragment',
    text: /“#<img src=x onerror=alert\(1\)>”, which is not a view/,
  },
]

/** The app still works: no error-boundary fallback, and the view's own UI is there. */
async function expectAppWorks(page: Page, route: Row['route'] = 'lab') {
  await expect(page.locator('[data-diagnosis="app_error"]')).toHaveCount(0)
  await expect(page.getByRole('heading').first()).toBeVisible()
  if (route === 'lab') {
    await expect(page.getByRole('navigation', { name: 'Lab views' })).toBeVisible()
    await expect(
      page
        .locator('[data-step="discovery"]')
        .or(page.getByRole('heading', { name: /Run history|Scope → claims matrix/ })),
    ).toBeVisible()
  }
  if (route === 'callback') await expect(page.locator('[data-step="token"]')).toBeVisible()
}

rows.forEach((row, i) => {
  test(`bad input ${i + 1}/${rows.length}: ${row.name}`, async ({ lab, page }) => {
    test.setTimeout(row.slow ? 60_000 : 30_000)
    await row.reach(lab, page)
    const target = page
      .locator(row.selector ?? `[role="alert"][data-diagnosis="${row.diagnosis ?? ''}"]`)
      .first()
    await expect(target).toContainText(row.text, { timeout: row.slow ? 30_000 : 10_000 })
    await row.after?.(lab, page)
    await expectAppWorks(page, row.route)
  })
})
