import { Button } from '@/components/ui/button'
import type { TokenOffers } from './inspect-slots'
import { Field } from '@/components/ui/field'
import { ProviderStatus } from './provider-status'
import { UseFromTokenButton } from './use-from-token-button'
import type { ProviderKeys } from './use-provider-keys'

export interface InspectFormValues {
  text: string
  issuer: string
  clientId: string
  nonce: string
}

export interface InspectFormProps {
  values: InspectFormValues
  onChange: (change: Partial<InspectFormValues>) => void
  keys: ProviderKeys
  /** Values read from the token, offered for the empty fields. */
  offers: TokenOffers
  notes: string[]
}

export function InspectForm({ values, onChange, keys, offers, notes }: InspectFormProps) {
  return (
    <div className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm lg:grid-cols-[3fr_2fr]">
      <div className="space-y-1">
        <div className="flex items-end justify-between">
          <label htmlFor="inspect-token" className="text-sm font-semibold text-slate-800">
            Token or token response
          </label>
          {values.text && (
            <Button variant="ghost" size="sm" onClick={() => onChange({ text: '' })}>
              Clear
            </Button>
          )}
        </div>
        <textarea
          id="inspect-token"
          value={values.text}
          onChange={(e) => onChange({ text: e.target.value })}
          rows={7}
          spellCheck={false}
          autoComplete="off"
          placeholder={'eyJhbGciOi…  or  {"access_token": "…", "id_token": "…", …}'}
          className="w-full rounded-md border border-slate-300 p-2 font-mono text-xs break-all"
        />
        <p className="text-xs text-slate-500">
          Decoded in this browser as you type; the token is sent nowhere unless you click Call
          userinfo with this token. Otherwise only the discovery and JWKS requests go to the Issuer
          you enter.
        </p>
        {notes.map((note) => (
          <p key={note} className="text-xs text-amber-700">
            Note: {note}.
          </p>
        ))}
      </div>
      <div className="space-y-3">
        <Field
          compact
          spellCheck={false}
          autoComplete="off"
          id="inspect-issuer"
          label="Issuer"
          value={values.issuer}
          placeholder="https://keycloak.example.com/realms/myrealm"
          onChange={(e) => onChange({ issuer: e.target.value })}
          hint={
            <>
              {' '}
              <ProviderStatus keys={keys} />
              {!values.issuer && (
                <UseFromTokenButton
                  claim="iss"
                  value={offers.iss}
                  onUse={(issuer) => onChange({ issuer })}
                />
              )}
            </>
          }
        />
        <Field
          compact
          spellCheck={false}
          autoComplete="off"
          id="inspect-client-id"
          label="Client ID"
          value={values.clientId}
          placeholder="checks aud and azp"
          onChange={(e) => onChange({ clientId: e.target.value })}
          hint={
            <>
              {' '}
              {!values.clientId && (
                <UseFromTokenButton
                  claim={offers.clientId?.claim ?? 'azp'}
                  value={offers.clientId?.value}
                  onUse={(clientId) => onChange({ clientId })}
                />
              )}
            </>
          }
        />
        <Field
          compact
          spellCheck={false}
          autoComplete="off"
          id="inspect-nonce"
          label="Nonce"
          value={values.nonce}
          placeholder="the nonce your app sent, checks nonce"
          onChange={(e) => onChange({ nonce: e.target.value })}
        />
      </div>
    </div>
  )
}
