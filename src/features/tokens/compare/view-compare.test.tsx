// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { testRun } from '@/testing/fixtures/run-fixtures'
import { ViewCompare } from '@/features/tokens/compare/view-compare'

afterEach(cleanup)

test('two views of one run: ID token vs userinfo, then access token', () => {
  render(<ViewCompare run={testRun({ scope: ['openid', 'profile', 'email'] })} />)
  const region = screen.getByRole('region', { name: 'View comparison' })
  const table = within(region).getByRole('table', { name: 'ID token vs Userinfo response' })
  expect(table.querySelector('[data-claim="iss"][data-diff="removed"]')).not.toBeNull()
  expect(table.querySelector('[data-claim="email"]')).toBeNull() // same in both: folded

  fireEvent.change(screen.getByLabelText('Right view'), { target: { value: 'access_token' } })
  const next = within(region).getByRole('table', { name: 'ID token vs Access token' })
  expect(next.querySelector('[data-claim="scope"][data-diff="added"]')).not.toBeNull()
  expect(region.querySelector('[data-diff-summary]')?.textContent).toContain('+ scope')
})
