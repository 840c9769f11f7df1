import { buildLabAuthorizationUrl, usesPkce } from '@/lib/lab-config/authorization'
import { defaultConfig, type LabConfig } from '@/lib/lab-config/lab-config'
import { generateRequestSecrets, type RequestSecrets } from '@/lib/oidc/request-secrets'
import { generateCodeVerifier, generateState } from '@/lib/oidc/random'
import type { DiscoveryDocument } from '@/lib/oidc/types'
import type { LabRun } from '@/lib/runs/types'
import {
  observeRun,
  type Lesson,
  type LessonObservation,
  type LessonRunPlan,
  type LessonVerdict,
} from '@/features/lessons/lessons'

/** Runs the guided flow's steps for one run and builds the run the history keeps (from the app). */
export type LessonFlowRunner = (
  input: {
    config: LabConfig
    document: DiscoveryDocument
    secrets: RequestSecrets
    authorizationUrl?: string
    callbackUrl?: string
    origin: string
    redirectUri: string
    signal: AbortSignal
    label: string
  },
  id: string,
) => Promise<{ run: Omit<LabRun, 'label'>; failures: LessonObservation['failures'] }>

export interface LessonPlayInput {
  lesson: Lesson
  document: DiscoveryDocument
  redirectUri: string
  signal: AbortSignal
  runFlow: LessonFlowRunner
  /** `prompt=none` in a hidden frame: reuses the provider session. */
  silent: (url: string, signal: AbortSignal) => Promise<string>
  /** A sign-in the user has to do (the UI asks for a click first: popups need one). */
  interactive: (url: string, signal: AbortSignal) => Promise<string>
  /** Saves the run in the history. */
  save: (run: LabRun) => Promise<unknown>
}

export interface LessonOutcome {
  verdict: LessonVerdict
  observations: [LessonObservation, LessonObservation]
  /** The ids of the two runs saved in the history, for `#compare=`. */
  runIds: [string, string]
}

const NEEDS_USER = new Set([
  'login_required',
  'interaction_required',
  'consent_required',
  'account_selection_required',
])

interface Authorization {
  secrets: RequestSecrets
  authorizationUrl: string
  callbackUrl: string
}

function configFor(plan: LessonRunPlan, document: DiscoveryDocument): LabConfig {
  const base = defaultConfig(document.issuer)
  return {
    ...base,
    clientId: plan.clientId,
    scopes: plan.scopes,
    grant: plan.grant,
    tokenRequestScope: plan.tokenRequestScope ?? '',
    ...(plan.clientSecret
      ? { clientType: 'confidential' as const, clientSecret: plan.clientSecret }
      : {}),
  }
}

/** An authorization that reuses the provider session, and asks the user to sign in only if needed. */
async function authorize(
  input: LessonPlayInput,
  config: LabConfig,
  redirectUri: string,
): Promise<Authorization> {
  const { document, signal } = input
  const secrets = await generateRequestSecrets({ pkce: usesPkce(config) })
  const url = (prompt: string) =>
    buildLabAuthorizationUrl(document.authorization_endpoint, config, secrets, redirectUri, {
      prompt,
    }).url
  let authorizationUrl = url('none')
  let callbackUrl = await input.silent(authorizationUrl, signal)
  const error = new URL(callbackUrl).searchParams.get('error')
  if (error && NEEDS_USER.has(error)) {
    authorizationUrl = url('')
    callbackUrl = await input.interactive(authorizationUrl, signal)
  }
  signal.throwIfAborted()
  return { secrets, authorizationUrl, callbackUrl }
}

/** The authorization a plan's run uses: a fresh one, or the previous one tampered with. */
async function authorizationFor(
  input: LessonPlayInput,
  plan: LessonRunPlan,
  config: LabConfig,
  previous: Authorization | undefined,
): Promise<Authorization> {
  if (plan.tamper === 'replay_code') {
    if (!previous) throw new Error('A replay needs an earlier run of the lesson.')
    return previous
  }
  const fresh = await authorize(input, config, input.redirectUri)
  if (plan.tamper === 'wrong_verifier')
    return { ...fresh, secrets: { ...fresh.secrets, codeVerifier: generateCodeVerifier() } }
  if (plan.tamper === 'forged_state') {
    const forged = new URL(fresh.callbackUrl)
    forged.searchParams.set('state', generateState())
    return { ...fresh, callbackUrl: forged.toString() }
  }
  return fresh
}

let counter = 0
const runId = (lesson: Lesson, index: number) =>
  `lesson-${lesson.id}-${index + 1}-${Date.now().toString(36)}-${(counter++).toString(36)}`

/**
 * Plays a lesson: its two runs one after the other, real requests to the demo realm through the
 * guided flow's steps, each saved in the run history; then the lesson's verdict on what they showed.
 */
export async function playLesson(input: LessonPlayInput): Promise<LessonOutcome> {
  const { lesson, document, signal } = input
  const observations: LessonObservation[] = []
  const runIds: string[] = []
  let previous: Authorization | undefined
  for (const [index, plan] of lesson.runs.entries()) {
    signal.throwIfAborted()
    const config = configFor(plan, document)
    const authorization =
      plan.grant === 'authorization_code'
        ? await authorizationFor(input, plan, config, previous)
        : undefined
    const id = runId(lesson, index)
    const { run, failures } = await input.runFlow(
      {
        config,
        document,
        secrets: authorization?.secrets ?? (await generateRequestSecrets({ pkce: false })),
        authorizationUrl: authorization?.authorizationUrl,
        callbackUrl: authorization?.callbackUrl,
        origin: new URL(input.redirectUri).origin,
        redirectUri: input.redirectUri,
        signal,
        label: 'lesson',
      },
      id,
    )
    await input.save({ ...run, label: `Lesson "${lesson.title}": ${plan.label}` })
    observations.push(observeRun(run, failures))
    runIds.push(id)
    previous = authorization
  }
  const [first, second] = observations as [LessonObservation, LessonObservation]
  return {
    verdict: lesson.judge(first, second),
    observations: [first, second],
    runIds: runIds as [string, string],
  }
}
