import { describe, expect, test } from 'vitest'
import { diagnoseNetworkError } from './network'

describe('diagnoseNetworkError', () => {
  test.each([
    {
      step: 'token' as const,
      error: 'TypeError: Failed to fetch',
      ctx: { origin: 'https://lab.example', url: 'http://kc/token' },
      cause: 'Mixed content: an https page may not call an http URL.',
    },
    {
      step: 'token' as const,
      error: 'TimeoutError: no response within 15000 ms',
      ctx: {},
      cause: 'The server did not answer within the time limit.',
    },
    {
      step: 'discovery' as const,
      error: 'TypeError: NetworkError when attempting to fetch resource.',
      ctx: {},
      cause:
        'Either the server did not allow this page’s origin (CORS), or it could not be reached.',
    },
  ])('$step: $error', ({ step, error, ctx, cause }) => {
    const d = diagnoseNetworkError(step, error, ctx)
    expect(d.code).toBe('cors_or_network')
    expect(d.cause).toBe(cause)
  })
})
