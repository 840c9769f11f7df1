import type { LabConfig } from '@/lib/lab-config/lab-config'
import type { DiagnosisAction } from '@/lib/oidc/diagnose'
import { parseScope } from '@/lib/oidc/scopes'
import type { Lab } from '@/features/flow/lab'
import { requestedScopeOf } from '@/features/flow/steps/token-result'

type ActionKind = DiagnosisAction['kind']
type ActionOf<K extends ActionKind> = Extract<DiagnosisAction, { kind: K }>

/** The label and the effect of one kind of diagnosis follow-up. */
export interface ActionHandler<K extends ActionKind> {
  label(action: ActionOf<K>, lab: Lab): string
  /** False when the action would change nothing here (e.g. the scope is already requested). */
  available?(action: ActionOf<K>, lab: Lab): boolean
  run(action: ActionOf<K>, lab: Lab): void
}

const withScope = (config: LabConfig, scope: string) =>
  config.scopes.includes(scope) ? config.scopes : [scope, ...config.scopes]

/** Points the setup at another issuer: the Keycloak preset keeps its fields, others become custom. */
function pointAtIssuer(lab: Lab, issuer: string, legacyAuthPath?: boolean) {
  const { config } = lab
  if (config.preset === 'keycloak' && legacyAuthPath !== undefined)
    lab.updateConfig({ keycloak: { ...config.keycloak, legacyAuthPath } })
  else lab.updateConfig({ preset: 'custom', issuer })
}

/** Asks before trusting an issuer on another host than the one typed; false without a browser. */
function confirmOtherHost(issuer: string, hosts: { typed: string; stated: string }): boolean {
  const ask = (globalThis as { confirm?: (message: string) => boolean }).confirm
  return (
    ask?.(
      `${hosts.typed} says its issuer is ${issuer}, on another host (${hosts.stated}). Tokens for that issuer would be trusted as if ${hosts.stated} issued them. Use it only if both hosts are the same provider. Use ${issuer}?`,
    ) ?? false
  )
}

/**
 * Every diagnosis action kind, its button label and what it does. The mapped type makes a new
 * `DiagnosisAction` kind without a handler a compile error.
 */
export const ACTIONS: { [K in ActionKind]: ActionHandler<K> } = {
  rerun_with_scope: {
    label: ({ scope }, lab) =>
      lab.config.grant === 'client_credentials'
        ? `Request again with ${scope}`
        : `Run again with ${scope}`,
    available: ({ scope }, lab) => !requestedScopeOf(lab.config).includes(scope),
    run: ({ scope }, lab) =>
      lab.config.grant === 'client_credentials'
        ? lab.rerun({
            tokenRequestScope: [scope, ...parseScope(lab.config.tokenRequestScope)].join(' '),
          })
        : lab.rerun({ scopes: withScope(lab.config, scope) }),
  },
  rerun_without_scope: {
    label: ({ scope }) => `Run again without ${scope}`,
    available: ({ scope }, lab) => lab.config.scopes.includes(scope),
    run: ({ scope }, lab) => lab.rerun({ scopes: lab.config.scopes.filter((s) => s !== scope) }),
  },
  use_legacy_path: {
    label: () => 'Use the legacy /auth path',
    run: ({ issuer }, lab) => pointAtIssuer(lab, issuer, true),
  },
  remove_legacy_path: {
    label: () => 'Remove the /auth path',
    run: ({ issuer }, lab) => pointAtIssuer(lab, issuer, false),
  },
  use_issuer: {
    label: ({ issuer, otherHost }) =>
      otherHost ? `Use ${issuer} (another host: ${otherHost.stated})…` : `Use ${issuer}`,
    run: ({ issuer, otherHost }, lab) => {
      // another host is a different party until proven otherwise: never adopt it in one silent click
      if (otherHost && !confirmOtherHost(issuer, otherHost)) return
      pointAtIssuer(lab, issuer)
    },
  },
  restart_flow: {
    label: () => 'Sign in again',
    run: (_action, lab) => lab.rerun({}),
  },
  enable_pkce: {
    label: () => 'Turn on PKCE and run again',
    available: (_action, lab) => !lab.config.usePkce,
    run: (_action, lab) => lab.rerun({ usePkce: true }),
  },
  send_nonce: {
    label: () => 'Send a nonce and run again',
    available: (_action, lab) => lab.config.nonceMode !== 'always',
    run: (_action, lab) => lab.rerun({ nonceMode: 'always' }),
  },
  remove_prompt_none: {
    label: () => 'Run again without prompt=none',
    available: (_action, lab) => lab.config.extras.prompt === 'none',
    run: (_action, lab) => lab.rerun({ extras: { ...lab.config.extras, prompt: '' } }),
  },
  switch_client_auth: {
    label: ({ method }) => `Switch to ${method} and run again`,
    available: ({ method }, lab) =>
      method !== 'none' &&
      lab.config.clientType === 'confidential' &&
      lab.config.authMethod !== method,
    run: ({ method }, lab) => {
      if (method !== 'none') lab.rerun({ authMethod: method })
    },
  },
}

function handlerOf<K extends ActionKind>(action: ActionOf<K>): ActionHandler<K> {
  return ACTIONS[action.kind]
}

/** The button for a diagnosis action here, or undefined when it would change nothing. */
export function actionButton(
  action: DiagnosisAction | undefined,
  lab: Lab,
): { label: string; run: () => void } | undefined {
  if (!action) return undefined
  const handler = handlerOf(action)
  if (handler.available && !handler.available(action, lab)) return undefined
  return { label: handler.label(action, lab), run: () => handler.run(action, lab) }
}
