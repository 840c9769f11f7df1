// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { base64url } from 'jose'
import { afterEach, describe, expect, test } from 'vitest'
import { decodeJwt } from '@/lib/jwt/decode-jwt'
import { DECODING_IS_NOT_VALIDATING } from '@/lib/jwt/library-decode'
import { LibraryDecoderView } from './library-decoder-view'

afterEach(cleanup)

const enc = (value: unknown) => base64url.encode(JSON.stringify(value))
const HEADER = enc({ alg: 'RS256', typ: 'JWT' })
const PAYLOAD = enc({ sub: 'u1', scope: 'openid' })
const JWS = `${HEADER}.${PAYLOAD}.c2lnbmF0dXJl`

function renderView(raw: string) {
  const { container } = render(<LibraryDecoderView raw={raw} token={decodeJwt(raw)} />)
  const view = container.querySelector('[data-library-decoder]')
  const codes = [...container.querySelectorAll('[data-library-finding]')].map((el) =>
    el.getAttribute('data-library-finding'),
  )
  return { container, view, codes }
}

describe('LibraryDecoderView', () => {
  test.each([
    ['padding', `${HEADER}.${btoa('{"sub":"u12"}')}.c2ln`, 'padding'],
    ['standard base64', `${HEADER}.${btoa('{"sub":"u1>>>?"}')}.c2ln`, 'base64_not_url'],
    ['a line break from copying', `${HEADER}.\n${PAYLOAD}.c2ln`, 'whitespace'],
    ['two segments', `${HEADER}.${PAYLOAD}`, 'wrong_part_count'],
    ['an unsigned token', `${enc({ alg: 'none' })}.${PAYLOAD}.`, 'alg_none'],
    ['a payload that is a number', `${HEADER}.${enc(42)}.c2ln`, 'not_object'],
  ])('%s: flagged by the lab, accepted by jwt-decode', (_name, raw, code) => {
    const { view, codes, container } = renderView(raw)
    expect(codes).toContain(code)
    expect(view?.hasAttribute('open')).toBe(true)
    const finding = container.querySelector(`[data-library-finding="${code}"]`)
    expect(finding?.textContent).toContain(DECODING_IS_NOT_VALIDATING)
  })

  test('a clean token: no finding, closed, and still says decoding is not validating', () => {
    const { view, codes } = renderView(JWS)
    expect(codes).toEqual([])
    expect(view?.getAttribute('data-library-decoder')).toBe('decoded')
    expect(view?.hasAttribute('open')).toBe(false)
    expect(view?.textContent).toContain(DECODING_IS_NOT_VALIDATING)
  })

  test('a token jwt-decode throws on: its message, and what it still let through', () => {
    const { view, codes, container } = renderView(`Bearer ${JWS}`)
    expect(view?.getAttribute('data-library-decoder')).toBe('threw')
    expect(container.querySelector('[data-library-error]')?.textContent).toContain(
      'Invalid token specified: invalid base64 for part #1',
    )
    expect(codes).toContain('bearer_prefix')
  })

  test('nothing for an opaque token or an empty input', () => {
    expect(renderView('8f14e45f-ceea-467f').view).toBeNull()
    expect(renderView('').view).toBeNull()
  })
})
