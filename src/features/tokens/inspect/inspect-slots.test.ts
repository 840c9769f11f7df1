import { expect, test } from 'vitest'
import { unsignedToken } from '@/testing/fixtures/jwt-signing'
import { buildInspectSlots, readTokenOffers } from './inspect-slots'
import { parseInspectInput } from './parse-inspect-input'

const ID = unsignedToken(
  { alg: 'RS256' },
  { iss: 'https://idp', aud: 'spa', nonce: 'n', typ: 'ID' },
)
const AT = unsignedToken(
  { alg: 'RS256' },
  { iss: 'https://idp', aud: 'account', azp: 'spa', typ: 'Bearer' },
)

test('a lone token is one "Token" region with the guessed role', () => {
  const [slot, ...rest] = buildInspectSlots(parseInspectInput(ID))
  expect(rest).toEqual([])
  expect(slot).toMatchObject({ title: 'Token', role: 'id', guess: { role: 'id' } })
})

test('a slot keeps the text as pasted; the decoded token has it cleaned', () => {
  const [slot] = buildInspectSlots(parseInspectInput(`Bearer ${AT}`))
  expect(slot?.source).toBe(`Bearer ${AT}`)
  expect(slot?.token.raw).toBe(AT)
})

test('the user’s role applies to that token only', () => {
  const input = parseInspectInput(ID)
  expect(buildInspectSlots(input, { raw: ID, role: 'access' })[0]?.role).toBe('access')
  expect(buildInspectSlots(input, { raw: AT, role: 'refresh' })[0]?.role).toBe('id')
})

test('a token response gives ID / Access / Refresh regions; the ID token gets the access token', () => {
  const slots = buildInspectSlots(
    parseInspectInput(JSON.stringify({ access_token: AT, id_token: ID, refresh_token: 'r-1' })),
  )
  expect(slots.map((s) => [s.title, s.role])).toEqual([
    ['ID token', 'id'],
    ['Access token', 'access'],
    ['Refresh token', 'refresh'],
  ])
  expect(slots[0]?.accessToken).toBe(AT)
  expect(slots[2]?.token.kind).toBe('opaque')
})

test('empty input or JSON without tokens: no regions', () => {
  expect(buildInspectSlots(parseInspectInput(''))).toEqual([])
  expect(buildInspectSlots(parseInspectInput('{"a":1}'))).toEqual([])
})

test('offers iss and azp, preferring the ID token; else a single-string aud', () => {
  const response = parseInspectInput(JSON.stringify({ access_token: AT, id_token: ID }))
  expect(readTokenOffers(buildInspectSlots(response))).toEqual({
    iss: 'https://idp',
    clientId: { claim: 'aud', value: 'spa' },
  })
  expect(readTokenOffers(buildInspectSlots(parseInspectInput(AT)))).toEqual({
    iss: 'https://idp',
    clientId: { claim: 'azp', value: 'spa' },
  })
  expect(readTokenOffers(buildInspectSlots(parseInspectInput('opaque')))).toEqual({})
})
