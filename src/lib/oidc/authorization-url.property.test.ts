import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { buildAuthorizationUrl } from './authorization-url'

/** Any text without lone surrogates (which no URL can carry). */
const text = fc.string({ unit: 'grapheme', maxLength: 40 })
const scopeToken = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz:_-./0123456789'),
  minLength: 1,
  maxLength: 12,
})
const endpoint = fc.constantFrom(
  'https://op.example/authorize',
  'https://op.example/realms/demo/protocol/openid-connect/auth',
  'http://localhost:8080/realms/a%20b/auth',
  'https://op.example/authorize?tenant=acme',
)

describe('buildAuthorizationUrl (properties)', () => {
  test('never throws for any parameter values at a valid endpoint', () => {
    fc.assert(
      fc.property(
        endpoint,
        text,
        text,
        fc.array(text),
        text,
        text,
        (ep, clientId, redirect, scope, state, nonce) => {
          const built = buildAuthorizationUrl({
            authorizationEndpoint: ep,
            clientId,
            redirectUri: redirect,
            scope,
            state,
            nonce,
            additionalParams: { [clientId || 'x']: state },
          })
          expect(() => new URL(built.url)).not.toThrow()
        },
      ),
    )
  })

  test('build → URLSearchParams parse gives back each parameter exactly once', () => {
    fc.assert(
      fc.property(
        endpoint,
        text.filter((t) => t.trim() !== ''),
        fc.webUrl(),
        fc.uniqueArray(scopeToken, { maxLength: 5 }),
        text.filter((t) => t.trim() !== ''),
        fc.option(
          text.filter((t) => t.trim() !== ''),
          { nil: undefined },
        ),
        fc.option(
          fc.string({
            unit: fc.constantFrom(
              ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~',
            ),
            minLength: 43,
            maxLength: 128,
          }),
          { nil: undefined },
        ),
        fc.dictionary(fc.constantFrom('prompt', 'login_hint', 'ui_locales', 'acr_values'), text),
        (ep, clientId, redirectUri, scope, state, nonce, codeChallenge, extra) => {
          const built = buildAuthorizationUrl({
            authorizationEndpoint: ep,
            clientId,
            redirectUri,
            scope,
            state,
            nonce,
            codeChallenge,
            extra,
          })
          const query = new URL(built.url).searchParams
          const expected: Record<string, string | undefined> = {
            response_type: 'code',
            client_id: clientId.trim(),
            redirect_uri: redirectUri.trim(),
            scope: scope.length ? scope.join(' ') : undefined,
            state: state.trim(),
            nonce: nonce?.trim(),
            code_challenge: codeChallenge,
            code_challenge_method: codeChallenge ? 'S256' : undefined,
            ...Object.fromEntries(
              Object.entries(extra).map(([k, v]) => [k, v.trim() || undefined]),
            ),
          }
          for (const [name, value] of Object.entries(expected)) {
            expect(query.getAll(name)).toEqual(value === undefined ? [] : [value])
          }
          // the endpoint's own parameters survive, and the explained list matches the URL
          if (ep.includes('tenant=acme')) expect(query.get('tenant')).toBe('acme')
          for (const param of built.params) expect(query.get(param.name)).toBe(param.value)
        },
      ),
    )
  })
})
