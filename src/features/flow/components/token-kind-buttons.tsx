import { Button } from '@/components/ui/button'
import type { Lab } from '@/features/flow/lab'
import type { TokenKind } from '@/features/flow/steps/introspect/step'
import type { PreparedRequest, StepDefinition } from '@/features/flow/steps/types'

export const TOKEN_KINDS: readonly TokenKind[] = ['access_token', 'refresh_token']

/** What a per-token step (introspect, revoke) would send for each of the run's tokens. */
export function preparedPerToken(
  lab: Lab,
  step: StepDefinition<unknown, { token: TokenKind }>,
): { kind: TokenKind; prepared: PreparedRequest | undefined }[] {
  return TOKEN_KINDS.map((kind) => ({
    kind,
    prepared: step.prepare?.(lab.context, { token: kind }),
  }))
}

export interface TokenKindButtonsProps {
  offered: ReturnType<typeof preparedPerToken>
  /** e.g. `Introspect` → `Introspect access token`, `Introspect refresh token`. */
  verb: string
  pending: boolean
  onSend: (kind: TokenKind) => void
}

/** One button per token of the run, enabled when the step can send it. */
export function TokenKindButtons({ offered, verb, pending, onSend }: TokenKindButtonsProps) {
  return (
    <div className="flex flex-wrap gap-2">
      {offered.map(({ kind, prepared }) => (
        <Button
          key={kind}
          variant="secondary"
          disabled={!prepared?.ok || pending}
          onClick={() => onSend(kind)}
        >
          {verb} {kind.replace('_', ' ')}
        </Button>
      ))}
    </div>
  )
}
