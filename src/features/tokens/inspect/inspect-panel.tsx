import { useDeferredValue, useMemo, useState } from 'react'
import { InspectForm, type InspectFormValues } from './inspect-form'
import { buildInspectSlots, readTokenOffers, type RoleOverride } from './inspect-slots'
import { InspectedToken } from './inspected-token'
import { parseInspectInput } from './parse-inspect-input'
import { ResponseSummary } from './response-summary'
import { useInspectChecks, type CheckJob } from './use-inspect-checks'
import { useNow } from './use-now'
import { useProviderKeys } from './use-provider-keys'

export interface InspectPanelProps {
  /** A token to inspect at once (from `#token=`); it stays in the browser. */
  initialToken?: string
  initialIssuer?: string
  initialClientId?: string
}

/** Paste mode: decode any token or token response as you type, and check it against an issuer. */
export function InspectPanel({ initialToken, initialIssuer, initialClientId }: InspectPanelProps) {
  const [values, setValues] = useState<InspectFormValues>({
    text: initialToken ?? '',
    issuer: initialIssuer ?? '',
    clientId: initialClientId ?? '',
    nonce: '',
  })
  const [shownInitial, setShownInitial] = useState(initialToken)
  if (initialToken !== shownInitial) {
    setShownInitial(initialToken)
    if (initialToken !== undefined) setValues((v) => ({ ...v, text: initialToken }))
  }
  const [override, setOverride] = useState<RoleOverride>()
  const now = useNow()
  const keys = useProviderKeys(values.issuer)

  const text = useDeferredValue(values.text)
  const input = useMemo(() => parseInspectInput(text), [text])
  const slots = useMemo(() => buildInspectSlots(input, override), [input, override])
  const jobs = useMemo<CheckJob[]>(
    () =>
      slots.map((slot) => ({
        key: `${slot.title} ${slot.role} ${slot.token.raw} ${slot.accessToken ?? ''}`,
        token: slot.token,
        role: slot.role,
        accessToken: slot.accessToken,
      })),
    [slots],
  )
  const clientId = values.clientId.trim() || undefined
  const nonce = values.nonce.trim() || undefined
  const { issuer, jwks, document, state, message, refetchJwks } = keys
  const context = useMemo(
    () => ({
      issuer,
      clientId,
      nonce,
      jwks,
      keysMissingReason: state === 'ready' ? undefined : message,
      idTokenSigningAlgValuesSupported: document?.id_token_signing_alg_values_supported,
      now,
    }),
    [issuer, clientId, nonce, jwks, state, message, document, now],
  )
  const results = useInspectChecks(jobs, context, refetchJwks)
  const responseField = (name: string) =>
    input.kind === 'response' ? input.fields.find(([field]) => field === name)?.[1] : undefined
  const tokenType = responseField('token_type')
  const tokenResponseScope = responseField('scope')
  const userinfo = {
    issuerInput: values.issuer,
    ...(tokenType ? { tokenType } : {}),
    ...(tokenResponseScope !== undefined ? { tokenResponseScope } : {}),
    onUseIssuer: (issuer: string) => setValues((v) => ({ ...v, issuer })),
  }

  return (
    <div className="mx-auto max-w-6xl space-y-4 px-4 py-6">
      <div>
        <h1 className="text-xl font-bold tracking-tight">Inspect a token</h1>
        <p className="text-sm text-slate-600">
          Paste an ID token, access token or refresh token, or a whole token response: every part
          explained, every claim described, and with the issuer, the signature verified.
        </p>
      </div>
      <InspectForm
        values={values}
        onChange={(change) => setValues((v) => ({ ...v, ...change }))}
        keys={keys}
        offers={readTokenOffers(slots)}
        notes={input.kind === 'token' ? input.notes : []}
      />
      {input.kind === 'not_tokens' && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
          {input.message}
        </p>
      )}
      {input.kind === 'response' && (
        <ResponseSummary fields={input.fields} notes={input.notes} tokenCount={slots.length} />
      )}
      {slots.map((slot, i) => (
        <InspectedToken
          key={slot.title}
          slot={slot}
          checks={results[jobs[i]?.key ?? '']}
          now={now}
          introspectionEndpoint={document?.introspection_endpoint}
          userinfo={userinfo}
          onRoleChange={(role) => setOverride({ raw: slot.token.raw, role })}
        />
      ))}
    </div>
  )
}
