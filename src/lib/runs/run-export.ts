import { z } from 'zod/mini'
import { redactExchange } from '@/lib/http/redact'
import { parseLabRun } from './run-schema'
import type { LabRun } from './types'

/** The `format` of a runs export; `version` changes when its shape does. */
export const RUN_EXPORT_FORMAT = 'oidc-lab-runs'
export const RUN_EXPORT_VERSION = 1

export interface RunExport {
  format: typeof RUN_EXPORT_FORMAT
  version: typeof RUN_EXPORT_VERSION
  exportedAt: string
  /** What was taken out: `signatures` (default) keeps decodable tokens without their signature. */
  tokens: 'signatures-removed' | 'raw'
  runs: LabRun[]
}

export interface ExportOptions {
  /** Keep raw tokens (signatures, refresh tokens, codes in the exchanges); client secrets never. */
  keepTokens: boolean
  now?: Date
}

const JWS = /^([\w-]+)\.([\w-]*)\.([\w-]*)$/

/**
 * A JWS without its signature (`header.payload.`): the claims stay readable and comparable, the
 * token can no longer be presented anywhere. Anything else (opaque, JWE) is dropped.
 */
export function stripSignature(token: string | undefined): string | undefined {
  if (token === undefined) return undefined
  const jws = JWS.exec(token.trim())
  return jws ? `${jws[1]}.${jws[2]}.` : undefined
}

function redactRun(run: LabRun, keepTokens: boolean): LabRun {
  const { idToken, accessToken, refreshToken } = run.tokens
  const tokens = keepTokens
    ? { ...run.tokens }
    : {
        idToken: stripSignature(idToken),
        accessToken: stripSignature(accessToken),
        refreshToken: stripSignature(refreshToken),
      }
  return {
    ...run,
    tokens: Object.fromEntries(Object.entries(tokens).filter(([, v]) => v !== undefined)),
    // client secrets always go; with them, unless asked otherwise, tokens, codes and verifiers
    exchanges: run.exchanges.map((x) => redactExchange(x, { tokens: !keepTokens })),
  }
}

/**
 * The run history as a versioned JSON document to hand to a teammate. By default token signatures
 * are removed (the claims stay comparable) and the exchanges lose tokens, codes and verifiers;
 * client secrets are removed always. It does not look inside free text such as an HTML error page.
 */
export function buildRunExport(runs: readonly LabRun[], options: ExportOptions): RunExport {
  return {
    format: RUN_EXPORT_FORMAT,
    version: RUN_EXPORT_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    tokens: options.keepTokens ? 'raw' : 'signatures-removed',
    runs: runs.map((run) => redactRun(run, options.keepTokens)),
  }
}

const envelope = z.object({
  format: z.literal(RUN_EXPORT_FORMAT),
  version: z.number(),
  exportedAt: z.optional(z.string()),
  runs: z.array(z.unknown()),
})

export interface RejectedRun {
  /** Position in the file's `runs`, from 1. */
  position: number
  id?: string
  reason: string
}

export type ParsedRunExport =
  | { ok: true; runs: LabRun[]; rejected: RejectedRun[]; exportedAt?: string }
  | { ok: false; message: string }

function looksLikeHar(value: unknown): boolean {
  const log = (value as { log?: { entries?: unknown } } | null)?.log
  return typeof log === 'object' && log !== null && Array.isArray(log.entries)
}

/**
 * Reads a runs export: a specific message when the file is not JSON, not an export (a HAR, a single
 * run…), or of another version; each run is validated like a stored one, and the unreadable ones
 * are listed rather than fatal. It checks shapes only, never signatures.
 */
export function parseRunExport(text: string): ParsedRunExport {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      message: `This file is not JSON (${detail}). Import runs reads the file Export runs saves (oidc-lab-runs-….json).`,
    }
  }
  if (looksLikeHar(value))
    return {
      ok: false,
      message:
        'This is a HAR file (browser network log), not a runs export: use Import HAR to turn it into a run.',
    }
  if (typeof value === 'object' && value !== null && (value as { v?: unknown }).v === 1)
    return {
      ok: false,
      message:
        'This is a single run, not a runs export: Import runs reads the file Export runs saves, with a "format": "oidc-lab-runs" envelope.',
    }
  const parsed = envelope.safeParse(value)
  if (!parsed.success) {
    const format = (value as { format?: unknown } | null)?.format
    return {
      ok: false,
      message:
        format === undefined
          ? 'This JSON is not an OIDC Lab runs export: it has no "format": "oidc-lab-runs". Export runs on the History view saves one.'
          : `This JSON is not a readable runs export (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'}).`,
    }
  }
  if (parsed.data.version !== RUN_EXPORT_VERSION)
    return {
      ok: false,
      message: `This runs export is version ${parsed.data.version}; this lab reads version ${RUN_EXPORT_VERSION}. Export the runs again with this version of the lab.`,
    }
  const runs: LabRun[] = []
  const rejected: RejectedRun[] = []
  parsed.data.runs.forEach((candidate, i) => {
    const run = parseLabRun(candidate)
    if (run.ok) runs.push(run.run)
    else {
      const id = (candidate as { id?: unknown } | null)?.id
      rejected.push({
        position: i + 1,
        ...(typeof id === 'string' ? { id } : {}),
        reason: run.reason,
      })
    }
  })
  return { ok: true, runs, rejected, exportedAt: parsed.data.exportedAt }
}

export interface ImportSummary {
  added: LabRun[]
  /** Runs whose id is already in this history: kept as they are here. */
  duplicates: number
}

/**
 * Saves the runs this history does not have yet (by id), marked as imported; existing ids are
 * skipped and counted, so importing the same file twice changes nothing.
 */
export async function importRuns(
  store: { get(id: string): Promise<LabRun | undefined>; save(run: LabRun): Promise<unknown> },
  runs: readonly LabRun[],
  origin: { file?: string; at: string },
): Promise<ImportSummary> {
  const added: LabRun[] = []
  let duplicates = 0
  const seen = new Set<string>()
  for (const run of runs) {
    if (seen.has(run.id) || (await store.get(run.id))) {
      duplicates += 1
      continue
    }
    seen.add(run.id)
    const record: LabRun = { ...run, imported: run.imported ?? { from: 'export', ...origin } }
    await store.save(record)
    added.push(record)
  }
  return { added, duplicates }
}
