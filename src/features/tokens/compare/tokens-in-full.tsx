import { AlignedJson } from '@/components/jwt/aligned-json'
import { decodeJwt } from '@/lib/jwt/decode-jwt'
import type { LabRun } from '@/lib/runs/types'
import { RawTokensNote } from '@/features/tokens/compare/raw-tokens-note'
import { UserinfoAnswers } from '@/features/tokens/compare/userinfo-answers'

export interface TokensInFullProps {
  left: LabRun
  right: LabRun
}

const TOKENS = [
  ['idToken', 'ID token'],
  ['accessToken', 'Access token'],
] as const

interface Sides {
  header?: Record<string, unknown>
  payload?: Record<string, unknown>
  note?: string
}

function decoded(raw: string | undefined): Sides {
  if (!raw) return { note: 'absent' }
  const token = decodeJwt(raw)
  return {
    ...(token.header ? { header: token.header } : {}),
    ...(token.payload ? { payload: token.payload } : { note: `${token.kind}: no readable claims` }),
  }
}

type Claims = Record<string, unknown> | undefined
const sides = (left: Claims, right: Claims) => ({
  ...(left ? { left } : {}),
  ...(right ? { right } : {}),
})
const notes = (leftNote?: string, rightNote?: string) => ({
  ...(leftNote ? { leftNote } : {}),
  ...(rightNote ? { rightNote } : {}),
})

/** Both runs' tokens decoded in full (header and payload), aligned claim by claim. */
export function TokensInFull({ left, right }: TokensInFullProps) {
  return (
    <section aria-label="Tokens in full" className="space-y-4">
      <h4 className="text-sm font-semibold">Both tokens in full</h4>
      <p className="text-xs text-slate-500">
        Every claim of both sides, line by line: <b>+</b> only on the right, <b>−</b> only on the
        left, <b>~</b> different (also volatile claims such as <code>iat</code>).
      </p>
      <RawTokensNote
        runs={[
          { side: 'Left', run: left },
          { side: 'Right', run: right },
        ]}
      />
      {TOKENS.map(([key, label]) => {
        const l = decoded(left.tokens[key])
        const r = decoded(right.tokens[key])
        return (
          <div key={key} className="space-y-2">
            <h5 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
              {label}
            </h5>
            <AlignedJson
              title={`${label} in full: header`}
              leftLabel={`${left.label} · header`}
              rightLabel={`${right.label} · header`}
              {...sides(l.header, r.header)}
              {...notes(l.note, r.note)}
            />
            <AlignedJson
              title={`${label} in full: payload`}
              leftLabel={`${left.label} · payload`}
              rightLabel={`${right.label} · payload`}
              {...sides(l.payload, r.payload)}
            />
          </div>
        )
      })}
      <UserinfoAnswers runs={[left, right]} />
    </section>
  )
}
