/**
 * The bad-input catalogue, unit level: pure processing of provider responses, JWTs, deep links,
 * fragments and stored values. Every row is a real malformed input; the answer must be specific
 * (it names what went wrong, and for provider answers the likely cause and the fix), and nothing
 * throws. The UI rows live in e2e/bad-input.spec.ts.
 */
import { describe, expect, test } from 'vitest'
import { parseLabView } from '@/app/lab-tabs'
import { parseDeepLink } from '@/lib/lab-config/deep-link'
import { parseStoredConfig } from '@/lib/lab-config/config-schema'
import { decodeJwt, type DecodedToken } from '@/lib/jwt/decode-jwt'
import { verifySignature } from '@/lib/jwt/verify-signature'
import { processDiscoveryResponse, processJwksResponse } from '@/lib/oidc/discovery'
import { diagnoseDiscoveryError } from '@/lib/oidc/diagnose'
import { describeJwksFailure } from '@/lib/oidc/jwks-failure'
import { readBody } from '@/lib/oidc/errors'
import { processTokenResponse } from '@/lib/oidc/token-response'
import { processUserinfoResponse } from '@/lib/oidc/userinfo'
import type { OidcError } from '@/lib/oidc/types'
import { parseLabRun } from '@/lib/runs/run-schema'
import { base64UrlEncode } from '@/lib/wire/base64url'
import { res } from '@/testing/diagnosis'

const ISSUER = 'https://login.example/realms/demo'
const DEMO = 'http://localhost:8080/realms/demo'
const b64 = (text: string) => base64UrlEncode(new TextEncoder().encode(text))
const part = (value: unknown) => b64(JSON.stringify(value))
const HEADER = part({ alg: 'RS256', kid: 'k1', typ: 'JWT' })
const PAYLOAD = part({ iss: ISSUER, sub: 'alice', aud: 'spa', exp: 2_000_000_000, iat: 1 })

const problemsOf = (token: DecodedToken) => token.problems.map((p) => `${p.code}: ${p.message}`)
const errorOf = <T>(result: { ok: true; value: T } | { ok: false; error: OidcError }) => {
  if (result.ok) throw new Error('expected an error')
  return result.error
}
const discovery = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  diagnoseDiscoveryError(errorOf(processDiscoveryResponse(ISSUER, res(status, body, headers))), {
    request: { url: `${ISSUER}/.well-known/openid-configuration` },
    response: res(status, body),
  })
const diagnosisText = (d: ReturnType<typeof diagnoseDiscoveryError>) =>
  [d.title, d.cause, d.fix, ...d.known, ...d.guessed].join(' ')
const linkMessages = (search: string) =>
  parseDeepLink(search, DEMO)
    .messages.map((m) => `${m.param}: ${m.text}`)
    .join('\n')
const signatureRow = async (raw: string, input: Partial<Parameters<typeof verifySignature>[0]>) =>
  verifySignature({ token: decodeJwt(raw), ...input })
const VALID = `${HEADER}.${PAYLOAD}.c2lnbmF0dXJl`
const FULL_DOC = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/auth`,
  token_endpoint: `${ISSUER}/token`,
}

interface Row {
  name: string
  /** Returns the text the user gets (message, diagnosis, problems); must not throw. */
  answer: () => unknown
  expected: RegExp
}

const rows: Row[] = [
  // JWTs of every malformed shape
  {
    name: 'JWT with 1 part (a header only)',
    answer: () => problemsOf(decodeJwt(HEADER)),
    expected: /wrong_part_count: .*1 part/,
  },
  {
    name: 'JWT with 2 parts (the signature cut off)',
    answer: () => problemsOf(decodeJwt(`${HEADER}.${PAYLOAD}`)),
    expected: /wrong_part_count: .*2 parts/,
  },
  {
    name: 'JWT with 4 parts',
    answer: () => problemsOf(decodeJwt(`${VALID}.extra`)),
    expected: /wrong_part_count: .*4 parts/,
  },
  {
    name: 'JWT with bad base64url in the payload',
    answer: () => problemsOf(decodeJwt(`${HEADER}.eyJ@@@!.c2ln`)),
    expected: /bad_base64url: payload: /,
  },
  {
    name: 'JWT whose header is not JSON',
    answer: () => problemsOf(decodeJwt(`${b64('{"alg":"RS256"')}.${PAYLOAD}.c2ln`)),
    expected: /bad_json: header: base64url decodes but is not JSON/,
  },
  {
    name: 'JWT whose header is JSON but not an object',
    answer: () => problemsOf(decodeJwt(`${b64('["RS256"]')}.${PAYLOAD}.c2ln`)),
    expected: /not_object: header: /,
  },
  {
    name: 'JWT with alg none: decoded as unsecured, the signature check fails',
    answer: async () => {
      const raw = `${part({ alg: 'none' })}.${PAYLOAD}.`
      const row = await signatureRow(raw, {})
      return `${decodeJwt(raw).kind} ${row.status} ${row.code} ${row.message}`
    },
    expected: /^unsecured fail unsigned alg is none: the token is not signed/,
  },
  {
    name: 'JWT whose signature was stripped',
    answer: () => problemsOf(decodeJwt(`${HEADER}.${PAYLOAD}.`)),
    expected: /missing_signature: signature: empty although alg is RS256/,
  },
  {
    name: 'an empty token',
    answer: () => problemsOf(decodeJwt('   ')),
    expected: /empty: token: empty/,
  },
  {
    name: 'raw JSON pasted instead of a token',
    answer: () => problemsOf(decodeJwt('{"sub":"alice"}')),
    expected: /not_compact: token: this is raw JSON, not a token/,
  },
  {
    name: 'a token pasted with its Bearer prefix (tolerated, said)',
    answer: () => problemsOf(decodeJwt(`Bearer ${VALID}`)),
    expected: /bearer_prefix: /,
  },
  {
    name: 'a 1 MB JWT decodes quickly and keeps its claims',
    answer: () => {
      const big = part({ sub: 'alice', blob: 'x'.repeat(1_000_000) })
      const started = performance.now()
      const token = decodeJwt(`${HEADER}.${big}.c2lnbmF0dXJl`)
      const ms = performance.now() - started
      return `${token.kind} sub=${String(token.payload?.sub)} blob=${String((token.payload?.blob as string).length)} fast=${ms < 2000}`
    },
    expected: /^jws sub=alice blob=1000000 fast=true$/,
  },
  // JWKS problems reach the signature row
  {
    name: 'JWKS 404',
    answer: async () =>
      (
        await signatureRow(VALID, {
          jwksFailure: describeJwksFailure({
            url: `${ISSUER}/certs`,
            error: errorOf(processJwksResponse(res(404, { error: 'not found' }))),
          }),
        })
      ).message,
    expected: /HTTP 404\. Likely cause: jwks_uri .* does not exist.*Fix: open/,
  },
  {
    name: 'JWKS unreachable or without CORS',
    answer: async () => {
      const row = await signatureRow(VALID, {
        jwksFailure: describeJwksFailure({
          url: `${ISSUER}/certs`,
          networkError: 'TypeError: Failed to fetch',
        }),
      })
      return `${row.status} ${row.code} ${row.message}`
    },
    expected: /^fail jwks_unreachable .*could not be read.*CORS.*Fix:/,
  },
  {
    name: 'JWKS that did not answer in time',
    answer: () =>
      describeJwksFailure({ url: `${ISSUER}/certs`, networkError: 'TimeoutError: timed out' })
        ?.message,
    expected: /did not answer in time/,
  },
  {
    name: 'JWKS that is an HTML page',
    answer: () =>
      describeJwksFailure({
        url: `${ISSUER}/certs`,
        error: errorOf(processJwksResponse(res(200, '<html><title>Sign in</title></html>'))),
      })?.message,
    expected: /HTML page titled “Sign in”.*Likely cause: a proxy, login page/,
  },
  {
    name: 'JWKS without a keys array',
    answer: () =>
      describeJwksFailure({
        url: `${ISSUER}/certs`,
        error: errorOf(processJwksResponse(res(200, { issuer: ISSUER }))),
      })?.code,
    expected: /^jwks_invalid$/,
  },
  {
    name: 'discovery without jwks_uri',
    answer: () => describeJwksFailure({})?.message,
    expected: /no jwks_uri.*Fix: add jwks_uri/,
  },
  {
    name: 'JWKS without the token’s kid',
    answer: async () =>
      (
        await signatureRow(VALID, {
          jwks: { keys: [{ kty: 'RSA', kid: 'other', n: 'AQAB', e: 'AQAB' }] },
        })
      ).message,
    expected: /no key with kid k1 .*\(its keys: other\)\. Likely cause: the provider rotated/,
  },
  // discovery answers
  {
    name: 'discovery: truncated JSON',
    answer: () => diagnosisText(discovery(200, '{"issuer":"https://login.example/realms/de')),
    expected: /cut off \(truncated JSON\)/,
  },
  {
    name: 'discovery: malformed JSON',
    answer: () => diagnosisText(discovery(200, '{"issuer": nope}')),
    expected: /malformed JSON/,
  },
  {
    name: 'discovery: a null body',
    answer: () => diagnosisText(discovery(200, 'null')),
    expected: /answered null.*JSON literal null/,
  },
  {
    name: 'discovery: an HTML page',
    answer: () => diagnosisText(discovery(200, '<!doctype html><title>Login</title>')),
    expected: /returned a page, not JSON.*proxy or SSO gateway/,
  },
  {
    name: 'discovery: an empty body',
    answer: () => diagnosisText(discovery(200, '')),
    expected: /empty body/,
  },
  {
    name: 'discovery: JSON without issuer',
    answer: () => diagnosisText(discovery(200, { authorization_endpoint: `${ISSUER}/a` })),
    expected: /lacks “issuer”/,
  },
  {
    name: 'discovery: HTTP 500',
    answer: () => diagnosisText(discovery(500, 'boom')),
    expected: /Discovery failed with HTTP 500.*The provider \(or a gateway in front of it\) failed/,
  },
  {
    name: 'discovery: an issuer stated on another host',
    answer: () => {
      const d = discovery(200, { ...FULL_DOC, issuer: 'https://evil.example/realms/demo' })
      return `${diagnosisText(d)} ${JSON.stringify(d.action)}`
    },
    expected: /on another host.*"otherHost":\{"typed":"login.example","stated":"evil.example"\}/,
  },
  // token endpoint answers
  {
    name: 'token response: plain text',
    answer: () => errorOf(processTokenResponse(res(200, 'OK'))).message,
    expected: /plain text.*not the JSON token response/,
  },
  {
    name: 'token response: truncated JSON',
    answer: () => errorOf(processTokenResponse(res(200, '{"access_token":"eyJ'))).message,
    expected: /JSON that is cut off before its end/,
  },
  {
    name: 'token response: null',
    answer: () => errorOf(processTokenResponse(res(200, 'null'))).message,
    expected: /JSON literal null/,
  },
  {
    name: 'token response without access_token',
    answer: () => errorOf(processTokenResponse(res(200, { token_type: 'Bearer' }))).message,
    expected: /no “access_token”/,
  },
  {
    name: 'token response with another token_type',
    answer: () => {
      const e = errorOf(processTokenResponse(res(200, { access_token: 'a', token_type: 'mac' })))
      return `${e.detail} ${e.message}`
    },
    expected: /^unsupported_token_type .*mac/,
  },
  // userinfo answers
  {
    name: 'userinfo 401 with a Bearer challenge',
    answer: () =>
      errorOf(
        processUserinfoResponse(
          res(401, '', { 'www-authenticate': 'Bearer error="invalid_token"' }),
        ),
      ).code,
    expected: /^invalid_token$/,
  },
  {
    name: 'userinfo 500',
    answer: () => errorOf(processUserinfoResponse(res(500, 'Internal Server Error'))).message,
    expected: /HTTP 500/,
  },
  {
    name: 'userinfo 200 with a non-JSON body',
    answer: () =>
      errorOf(processUserinfoResponse(res(200, '<html><title>Hi</title></html>'))).message,
    expected: /HTML page/,
  },
  // response bodies told apart
  {
    name: 'readBody: truncated JSON is not “a page”',
    answer: () => JSON.stringify(readBody('{"a": [1, 2')),
    expected: /"kind":"text".*"brokenJson":\{"truncated":true/,
  },
  {
    name: 'readBody: null is JSON, not text',
    answer: () => JSON.stringify(readBody(' null ')),
    expected: /^\{"kind":"json","value":null\}$/,
  },
  // deep links
  {
    name: 'deep link ?scope=%ZZ',
    answer: () => linkMessages('?scope=%ZZ'),
    expected:
      /^scope: `scope` was ignored: it contains a malformed percent-encoding "%ZZ".*Likely cause/,
  },
  {
    name: 'deep link with bytes that are not UTF-8',
    answer: () => linkMessages('?client_id=%C3%28'),
    expected: /not valid UTF-8/,
  },
  {
    name: 'deep link with a control character',
    answer: () => linkMessages('?client_id=spa%0Aadmin'),
    expected: /control characters/,
  },
  {
    name: 'deep link issuer javascript:',
    answer: () => linkMessages('?issuer=javascript:alert(1)'),
    expected: /must be an http\(s\) URL/,
  },
  {
    name: 'deep link issuer that is not a URL',
    answer: () => linkMessages('?issuer=login.example'),
    expected: /is not an absolute URL/,
  },
  {
    name: 'deep link carrying a secret',
    answer: () => linkMessages('?client_secret=hunter2'),
    expected: /never carry secrets/,
  },
  {
    name: 'deep link with an unknown preset and grant',
    answer: () => linkMessages('?preset=okta&grant=password'),
    expected: /Unknown preset `okta`[\s\S]*Unknown grant `password`/,
  },
  {
    name: 'deep link with a 5000-character client_id',
    answer: () => linkMessages(`?client_id=${'a'.repeat(5000)}`),
    expected: /5000 characters long/,
  },
  // fragments
  {
    name: 'fragment #matrix?x=1',
    answer: () => parseLabView('#matrix?x=1').notice,
    expected: /#matrix takes only sets=.*x ignored/,
  },
  {
    name: 'fragment #compare= with one id',
    answer: () => parseLabView('#compare=run-a').notice,
    expected: /takes exactly two run ids/,
  },
  {
    name: 'fragment #<script>',
    answer: () => parseLabView('#%3Cscript%3E').notice,
    expected: /“#<script>”, which is not a view/,
  },
  // stored values
  {
    name: 'remembered setup {"clientId":null,"scopes":"openid"}',
    answer: () => JSON.stringify(parseStoredConfig({ clientId: null, scopes: 'openid' })),
    expected: /"dropped":\["clientId","scopes"\]/,
  },
  {
    name: 'remembered setup that is not an object',
    answer: () => JSON.stringify(parseStoredConfig([1])),
    expected: /not an object/,
  },
  {
    name: 'stored run null',
    answer: () => JSON.stringify(parseLabRun(null)),
    expected: /not an object \(it is null\)/,
  },
  {
    name: 'stored run of another shape',
    answer: () => JSON.stringify(parseLabRun({ id: 'x', version: 99, tokens: 1 })),
    expected: /"ok":false,"reason":"\S/,
  },
]

describe('bad-input catalogue (unit)', () => {
  test('has at least 40 cases', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40)
  })

  rows.forEach((row, i) => {
    test(`bad input ${i + 1}/${rows.length}: ${row.name}`, async () => {
      const answer = await row.answer()
      const text = typeof answer === 'string' ? answer : JSON.stringify(answer)
      expect(text).toMatch(row.expected)
    })
  })
})
