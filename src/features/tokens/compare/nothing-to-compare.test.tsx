// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { testRun } from '@/testing/fixtures/run-fixtures'
import { TokenCompare } from '@/features/tokens/compare/token-compare'
import { ViewCompare } from '@/features/tokens/compare/view-compare'

afterEach(cleanup)

test('a run with only an access token says there is nothing to compare, never "no differences"', () => {
  const base = testRun({ userinfoStatus: 403 })
  const run = {
    ...base,
    tokens: { accessToken: base.tokens.accessToken },
    userinfo: { status: 403 },
  }
  render(<ViewCompare run={run} />)
  const region = screen.getByRole('region', { name: 'View comparison' })
  const status = within(region).getByRole('status')
  expect(status.textContent).toContain('Nothing to compare')
  expect(status.textContent).toContain('only the Access token has claims')
  expect(region.textContent).not.toContain('no differences')
  expect(within(region).queryByLabelText('Left view')).toBeNull()
})

test('two runs: both tokens in full, aligned, with + − ~ marks; the userinfo refusal in detail', () => {
  const left = testRun({ id: 'a', scope: ['openid', 'profile'], seed: 1 })
  const right = testRun({ id: 'b', scope: ['openid', 'profile', 'email'], seed: 2 })
  render(<TokenCompare left={left} right={right} />)
  const full = screen.getByRole('region', { name: 'Tokens in full' })
  const payload = within(full).getByRole('table', { name: 'ID token in full: payload' })
  const email = payload.querySelector('[data-line="email"]')
  expect(email?.getAttribute('data-diff-mark')).toBe('added')
  expect(email?.textContent).toContain('+')
  expect(email?.textContent).toContain('"email": "alice@example.com"')
  expect(payload.querySelector('[data-line="iat"]')?.textContent).toContain('~')
  expect(payload.querySelector('[data-line="sub"]')?.getAttribute('data-diff-mark')).toBe(
    'unchanged',
  )
  const header = within(full).getByRole('table', { name: 'ID token in full: header' })
  expect(header.querySelector('[data-line="alg"]')).not.toBeNull()
  expect(within(full).getByRole('group', { name: 'Userinfo answers' })).toBeTruthy()
})
