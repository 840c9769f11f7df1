import { Fact } from '@/components/jwt/fact'
import { describeOpaqueToken } from '@/components/jwt/opaque-token'
import { SpecLink } from '@/components/ui/spec-link'

export interface OpaqueTokenViewProps {
  raw: string
}

/** Explains a token that is not a JWT: a reference only its provider can resolve. */
export function OpaqueTokenView({ raw }: OpaqueTokenViewProps) {
  const facts = describeOpaqueToken(raw)
  return (
    <div data-opaque-token className="space-y-2 rounded-lg bg-slate-50 p-3 text-xs">
      <p className="text-sm font-medium text-slate-800">
        Opaque reference token: only the provider can read it.
      </p>
      <p className="text-slate-600">
        It is not a JWT, so it carries no readable claims: it is a handle to data the provider
        keeps. To learn what it stands for, ask the provider&apos;s introspection endpoint (
        <SpecLink href="https://www.rfc-editor.org/rfc/rfc7662">RFC 7662</SpecLink>, with the
        client&apos;s or API&apos;s credentials); an API receiving it does exactly that. A client
        never needs to read it.
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
        <Fact term="Length">{facts.length} characters</Fact>
        <Fact term="Characters">
          {facts.alphabet}
          {facts.approxBits !== undefined && ` (up to ${facts.approxBits} bits if random)`}
        </Fact>
        {facts.hints.map((hint) => (
          <Fact key={hint} term="Looks like">
            {hint}
          </Fact>
        ))}
      </dl>
    </div>
  )
}
