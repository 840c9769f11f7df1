import { describe, expect, test } from 'vitest'
import type { AuthorizationUrl } from '@/lib/oidc/authorization-url'
import { flowReducer } from '@/features/flow/flow-reducer'
import { derive, returnedFlow, ORIGIN, REQUEST } from '@/testing/step-inputs'

describe('authorize step', () => {
  test('builds the URL from discovery, the setup, the prepared secrets and the passed-in redirect URI', () => {
    const flow = { ...returnedFlow(), request: REQUEST, callback: undefined }
    const { results, statuses } = derive(flow)
    const authorization = results.get('authorize') as AuthorizationUrl
    const url = new URL(authorization.url)
    expect(url.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/callback`)
    expect(url.searchParams.get('state')).toBe('st-1')
    expect(url.searchParams.get('code_challenge')).toBe('ch-1')
    expect(statuses.get('authorize')).toBe('ready')
  })

  test('done once the browser left for the provider; waiting without a prepared request', () => {
    expect(derive(returnedFlow()).statuses.get('authorize')).toBe('done')
    const unprepared = flowReducer(returnedFlow(), { type: 'flow/restart' })
    expect(derive(unprepared).statuses.get('authorize')).toBe('waiting')
  })
})
