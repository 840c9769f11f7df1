import type { TokenPartRole } from '@/lib/jwt/decode-jwt'

/** Text colour of each part in the dark raw view; the tabs and legend use the same hues. */
export const PART_TEXT: Record<TokenPartRole, string> = {
  header: 'text-rose-400',
  payload: 'text-violet-300',
  signature: 'text-sky-300',
  encrypted_key: 'text-amber-300',
  iv: 'text-emerald-300',
  ciphertext: 'text-violet-300',
  tag: 'text-sky-300',
  opaque: 'text-slate-200',
  unknown: 'text-slate-400',
}

/** Light-background accent of the Header / Payload / Signature tabs, matching `PART_TEXT`. */
export const PART_ACCENT = {
  header: 'border-rose-500 text-rose-700',
  payload: 'border-violet-500 text-violet-700',
  signature: 'border-sky-500 text-sky-700',
} as const

/** How a part is named in the legend and in tooltips. */
export const PART_NAME: Record<TokenPartRole, string> = {
  header: 'header',
  payload: 'payload',
  signature: 'signature',
  encrypted_key: 'encrypted key',
  iv: 'initialization vector',
  ciphertext: 'ciphertext',
  tag: 'authentication tag',
  opaque: 'opaque token',
  unknown: 'extra part',
}
