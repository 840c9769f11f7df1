import { Fact } from '@/components/jwt/fact'
import { describeAlg } from '@/components/jwt/alg-description'
import type { CheckItem } from '@/components/jwt/checks-list'
import { PART_NAME } from '@/components/jwt/token-part-styles'
import { Badge } from '@/components/ui/badge'
import type { DecodedToken } from '@/lib/jwt/decode-jwt'
import { base64UrlByteLength } from '@/lib/wire/base64url'

export interface SignatureViewProps {
  token: DecodedToken
  /** The `signature` check, when the caller verified the token. */
  check?: CheckItem
}

const VERDICT = { pass: 'verified', fail: 'not valid', warn: 'doubtful', skip: 'not verified' }

export function SignatureView({ token, check }: SignatureViewProps) {
  const alg = token.header?.alg
  const kid = token.header?.kid
  if (token.kind === 'jwe') {
    return (
      <div className="space-y-2 text-xs">
        <p className="text-slate-600">
          An encrypted token has no signature. The authentication tag protects the ciphertext; only
          the recipient holding the private key can decrypt and read the claims.
        </p>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
          <Fact term="Key management">
            <code className="font-mono">{typeof alg === 'string' ? alg : '—'}</code> ·{' '}
            {describeAlg(alg)}
          </Fact>
          <Fact term="Content encryption">
            <code className="font-mono">
              {typeof token.header?.enc === 'string' ? token.header.enc : '—'}
            </code>
          </Fact>
          {token.parts.slice(1).map((part) => (
            <Fact key={part.role} term={PART_NAME[part.role]}>
              {base64UrlByteLength(part.text)} bytes
            </Fact>
          ))}
        </dl>
      </div>
    )
  }
  const signature = token.signature ?? token.parts.find((p) => p.role === 'signature')?.text
  return (
    <div className="space-y-2 text-xs">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1.5">
        <Fact term="Algorithm">
          <code className="font-mono font-semibold">{typeof alg === 'string' ? alg : '—'}</code>
          <span className="ml-1 text-slate-600">{describeAlg(alg)}</span>
        </Fact>
        <Fact term="Key ID (kid)">
          {typeof kid === 'string' ? (
            <code className="font-mono break-all">{kid}</code>
          ) : (
            <span className="text-slate-600">none: a verifier tries every key that fits alg</span>
          )}
        </Fact>
        <Fact term="Signature">
          {signature ? `${base64UrlByteLength(signature)} bytes` : 'none (empty)'}
          {signature && typeof alg === 'string' && /^(RS|PS)/.test(alg) && (
            <span className="text-slate-500">
              {` (an RSA signature is as long as the key: ${base64UrlByteLength(signature) * 8}-bit key)`}
            </span>
          )}
        </Fact>
        <Fact term="Verification">
          {check ? (
            <span data-signature-status={check.status}>
              <Badge tone={check.status} className="mr-1.5">
                {VERDICT[check.status]}
              </Badge>
              {check.message}
            </span>
          ) : (
            <span className="text-slate-600">not checked here: this view only decodes</span>
          )}
        </Fact>
      </dl>
      <p className="text-slate-500">
        The signature covers the first two parts exactly as sent (header, a dot, payload): change
        one character of either and it no longer matches.
      </p>
    </div>
  )
}
