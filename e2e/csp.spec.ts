import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { APP_ORIGIN, fullTour } from './tour'

/** The built page's policy, as the browser reads it: directive name → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...sources]) => [name, sources]),
  )
}

interface Violation {
  directive: string
  blocked: string
  url: string
}

/** Collects every `securitypolicyviolation` of the app's pages, across navigations. */
async function recordViolations(page: Page) {
  const violations: Violation[] = []
  await page.exposeFunction('__reportCspViolation', (violation: Violation) => {
    // the provider's own pages (its login form) answer for their own policy
    if (new URL(violation.url).origin === APP_ORIGIN) violations.push(violation)
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (v: unknown) => void })
        .__reportCspViolation
      void report({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        url: document.location.href,
      })
    })
  })
  return violations
}

test('the built index.html carries a strict Content-Security-Policy and no inline script', async ({
  page,
}) => {
  const html = readFileSync('dist/index.html', 'utf8')
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)
  expect(meta, 'dist/index.html has a CSP meta tag').not.toBeNull()
  const csp = directives(meta?.[1] ?? '')
  expect(csp.get('default-src')).toEqual(["'self'"])
  expect(csp.get('script-src')).toEqual(["'self'"])
  expect(csp.get('style-src')).toEqual(["'self'"])
  expect(csp.get('img-src')).toEqual(["'self'"])
  expect(csp.get('object-src')).toEqual(["'none'"])
  expect(csp.get('base-uri')).toEqual(["'none'"])
  expect(csp.get('form-action')).toEqual(["'none'"])
  expect(csp.get('connect-src')).toEqual(["'self'", 'https:', 'http:'])
  expect(csp.get('frame-src')).toEqual(["'self'", 'https:', 'http:'])
  for (const sources of csp.values()) {
    expect(sources).not.toContain("'unsafe-inline'")
    expect(sources).not.toContain("'unsafe-eval'")
    expect(sources).not.toContain('*')
  }
  // the policy comes before the first script, and every script is an external file of the app
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'))
  for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    expect(script[1]).toMatch(/\ssrc="\/assets\//)
    expect(script[2]?.trim()).toBe('')
  }
  expect(html).not.toMatch(/\son[a-z]+=/i)

  // the served page is the same file, and the preview server refuses framing by other sites
  const response = await page.goto('/')
  expect(response?.headers()['x-frame-options']).toBe('SAMEORIGIN')
  expect(response?.headers()['content-security-policy']).toBe("frame-ancestors 'self'")
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    meta?.[1] ?? '',
  )
})

test('the CSP is enforced: a script injected inline is blocked and reported', async ({
  lab,
  page,
}) => {
  const violations = await recordViolations(page)
  await lab.open({ preset: 'demo' })
  await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.__injected = true'
    document.body.append(script)
  })
  await expect.poll(() => violations.length).toBeGreaterThan(0)
  expect(violations[0]?.directive).toBe('script-src-elem')
  expect(await page.evaluate(() => '__injected' in window)).toBe(false)
})

test('a whole sitting (flow, refresh, matrix, inspect, history) raises no CSP violation', async ({
  lab,
  idpLogin,
  page,
}) => {
  const violations = await recordViolations(page)
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await fullTour(page, lab, idpLogin)
  expect(violations).toEqual([])
  expect(errors).toEqual([])
})
