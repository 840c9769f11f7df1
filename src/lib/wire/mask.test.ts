import { describe, expect, test } from 'vitest'
import type { HttpRequestSpec } from './http-types'
import {
  formBodyForDisplay,
  isSecretField,
  MASK,
  maskFormFields,
  maskHeaderValue,
  maskJsonFields,
  maskQueryParams,
  maskSpec,
} from './mask'

const tokenRequest: HttpRequestSpec = {
  method: 'POST',
  url: 'http://localhost:8080/realms/demo/protocol/openid-connect/token',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
  form: [
    ['grant_type', 'authorization_code'],
    ['code', 'c0de'],
    ['redirect_uri', 'http://localhost:5173/callback'],
  ],
}

describe('maskSpec', () => {
  test('masks the Basic header but keeps the scheme, and leaves the original untouched', () => {
    // what buildTokenRequest sends for client_secret_basic (oidc-lab / s3cret)
    const spec: HttpRequestSpec = {
      ...tokenRequest,
      headers: { ...tokenRequest.headers, Authorization: 'Basic b2lkYy1sYWI6czNjcmV0' },
      secretFields: ['Authorization'],
    }
    const masked = maskSpec(spec)
    expect(masked.headers.Authorization).toBe(`Basic ${MASK}`)
    expect(masked.headers.Accept).toBe('application/json')
    expect(spec.headers.Authorization).toBe('Basic b2lkYy1sYWI6czNjcmV0')
  })

  test('masks the form secret fully', () => {
    // what buildTokenRequest sends for client_secret_post
    const spec: HttpRequestSpec = {
      ...tokenRequest,
      form: [...(tokenRequest.form ?? []), ['client_id', 'oidc-lab'], ['client_secret', 's3cret']],
      secretFields: ['client_secret'],
    }
    expect(maskSpec(spec).form).toContainEqual(['client_secret', '••••••••'])
    expect(maskSpec(spec).form).toContainEqual(['code', 'c0de'])
  })

  test('secretFields match header names case-insensitively', () => {
    const masked = maskSpec({
      method: 'GET',
      url: 'https://x',
      headers: { authorization: 'Bearer abc', 'X-Api-Key': 'k' },
      secretFields: ['Authorization', 'x-api-key'],
    })
    expect(masked.headers).toEqual({ authorization: `Bearer ${MASK}`, 'X-Api-Key': MASK })
  })
})

describe('isSecretField / maskHeaderValue', () => {
  test('names are compared case-insensitively', () => {
    const spec: HttpRequestSpec = { ...tokenRequest, secretFields: ['Authorization'] }
    expect(isSecretField(spec, 'authorization')).toBe(true)
    expect(isSecretField(spec, 'Accept')).toBe(false)
  })

  test.each([
    ['Authorization', 'Basic b2lkYy1sYWI6czNjcmV0', `Basic ${MASK}`],
    ['authorization', 'DPoP eyJ.x.y', `DPoP ${MASK}`],
    ['Authorization', 'opaque', MASK],
    ['X-Api-Key', 'k', MASK],
  ])('%s: %s', (name, value, masked) => {
    expect(maskHeaderValue(name, value)).toBe(masked)
  })
})

describe('formBodyForDisplay', () => {
  const spec: HttpRequestSpec = {
    ...tokenRequest,
    form: [
      ['grant_type', 'refresh_token'],
      ['scope', 'openid email'],
      ['client_secret', 'a b+c'],
    ],
    secretFields: ['client_secret'],
  }

  test('the body as sent (spaces as +), the secret shown as the readable mask', () => {
    expect(formBodyForDisplay(spec, false)).toBe(
      `grant_type=refresh_token&scope=openid+email&client_secret=${MASK}`,
    )
  })

  test('revealed: byte for byte what fetch sends', () => {
    expect(formBodyForDisplay(spec, true)).toBe(
      'grant_type=refresh_token&scope=openid+email&client_secret=a+b%2Bc',
    )
  })

  test('no form, no body', () => {
    expect(formBodyForDisplay({ method: 'GET', url: 'https://x', headers: {} }, false)).toBe(
      undefined,
    )
  })
})

describe('text maskers', () => {
  test('maskJsonFields masks string members anywhere, keeping the layout', () => {
    expect(maskJsonFields('{"a":{"client_secret" : "x\\"y"},"code":"c"}', ['client_secret'])).toBe(
      `{"a":{"client_secret" : "${MASK}"},"code":"c"}`,
    )
  })

  test('maskFormFields matches decoded names and keeps other pairs as written', () => {
    expect(maskFormFields('client%5Fsecret=s&scope=a+b', ['client_secret'])).toBe(
      `client%5Fsecret=${encodeURIComponent(MASK)}&scope=a+b`,
    )
  })

  test('maskQueryParams leaves URLs without the fields untouched', () => {
    expect(maskQueryParams('https://kc/cb?code=c&state=s', ['code'])).toBe(
      `https://kc/cb?code=${encodeURIComponent(MASK).replace(/%20/g, '+')}&state=s`,
    )
    expect(maskQueryParams('https://kc/cb?state=s', ['code'])).toBe('https://kc/cb?state=s')
    expect(maskQueryParams('not a url', ['code'])).toBe('not a url')
  })
})
