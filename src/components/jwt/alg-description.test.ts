import { expect, test } from 'vitest'
import { describeAlg } from './alg-description'

test.each([
  [undefined, 'No algorithm: the header has no alg.'],
  ['none', 'No signature at all: anyone could have written this token.'],
  ['RS256', 'RSA (PKCS#1 v1.5) with SHA-256: the provider signs'],
  ['PS384', 'RSA-PSS with SHA-384'],
  ['ES512', 'ECDSA on curve P-521 with SHA-512'],
  ['HS256', 'HMAC with SHA-256: one shared secret (the client secret)'],
  ['EdDSA', 'Edwards-curve signature (EdDSA)'],
  ['RSA-OAEP-256', 'Key encryption with RSA'],
  ['ECDH-ES+A256KW', 'Key agreement with ECDH-ES'],
  ['dir', 'Symmetric key management'],
  ['XYZ', 'An algorithm the lab does not describe.'],
  [42, 'No algorithm: the header has no alg.'],
])('describeAlg(%j)', (alg, start) => {
  expect(describeAlg(alg)).toContain(start)
})
