import { useMutation } from '@tanstack/react-query'
import { ResponseView } from '@/components/http/response-view'
import { Button } from '@/components/ui/button'
import { SpecLink } from '@/components/ui/spec-link'
import { sendRecorded } from '@/lib/http/recorded-fetch'
import type { HttpRequestSpec } from '@/lib/wire/http-types'

export interface IntrospectPanelProps {
  /** Undefined when the provider advertises no introspection_endpoint. */
  request: HttpRequestSpec | undefined
  publicClient: boolean
}

/** Asks the provider what an opaque (or any) token means: the only way to read a reference token. */
export function IntrospectPanel({ request, publicClient }: IntrospectPanelProps) {
  const mutation = useMutation({
    mutationFn: (spec: HttpRequestSpec) => sendRecorded(spec, { stepId: 'introspection' }),
  })
  if (!request)
    return (
      <p className="text-xs text-slate-500">The provider advertises no introspection_endpoint.</p>
    )
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 p-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          size="sm"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate(request)}
        >
          Introspect
        </Button>
        <span className="text-xs text-slate-600">
          Ask the provider about this token (
          <SpecLink href="https://www.rfc-editor.org/rfc/rfc7662#section-2.1">RFC 7662</SpecLink>).
          {publicClient &&
            ' Introspection is for confidential clients and resource servers: a public client usually gets an error or {"active": false}.'}
        </span>
      </div>
      {mutation.data && <ResponseView exchange={mutation.data} />}
    </div>
  )
}
