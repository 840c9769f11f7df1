import { useMemo } from 'react'
import { Badge } from '@/components/ui/badge'
import type { DecodedToken } from '@/lib/jwt/decode-jwt'
import {
  compareWithLibraryDecoder,
  decodeLikeJwtDecode,
  DECODING_IS_NOT_VALIDATING,
} from '@/lib/jwt/library-decode'

export interface LibraryDecoderViewProps {
  /** The token as pasted (with any prefix, quotes or whitespace): what an app would hand over. */
  raw: string
  /** `decodeJwt(raw)`. */
  token: DecodedToken
}

/** The same token through jwt-decode, as many apps read it: what it throws, or lets through. */
export function LibraryDecoderView({ raw, token }: LibraryDecoderViewProps) {
  const library = useMemo(() => decodeLikeJwtDecode(raw), [raw])
  const findings = useMemo(() => compareWithLibraryDecoder(raw, token), [raw, token])
  if (token.raw === '' || token.kind === 'opaque') return null
  const notable = !library.ok || findings.length > 0
  return (
    <details
      open={notable}
      data-library-decoder={library.ok ? 'decoded' : 'threw'}
      className="rounded-lg border border-slate-200 px-3 py-2 text-xs"
    >
      <summary className="cursor-pointer font-semibold text-slate-700">
        What a library’s decoder sees{' '}
        <span className="font-normal text-slate-500">
          (jwt-decode:{' '}
          {library.ok
            ? findings.length > 0
              ? `decodes it, ${findings.length} defect${findings.length === 1 ? '' : 's'} unnoticed`
              : 'decodes it'
            : findings.length > 0
              ? `throws, and lets ${findings.length} defect${findings.length === 1 ? '' : 's'} through`
              : 'throws'}
          )
        </span>
      </summary>
      <div className="mt-2 space-y-2 text-slate-700">
        {library.ok ? (
          findings.length === 0 && (
            <p>
              jwtDecode(token) returns the header and payload without an error, and the lab’s
              decoder found no defect it lets through. {DECODING_IS_NOT_VALIDATING}
            </p>
          )
        ) : (
          <p data-library-error>
            jwt-decode throws when it reads the header (jwtDecode(token, {'{'} header: true {'}'}))
            and then the payload (jwtDecode(token)):{' '}
            <code className="font-mono break-all">{library.message}</code>
          </p>
        )}
        {findings.length > 0 && (
          <ul className="space-y-1">
            {findings.map((finding) => (
              <li
                key={`${finding.code} ${finding.part}`}
                data-library-finding={finding.code}
                data-part={finding.part}
                className="flex items-start gap-2"
              >
                <Badge tone="warn" className="shrink-0">
                  {finding.part}
                </Badge>
                <span>{finding.message}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  )
}
