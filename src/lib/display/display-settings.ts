/**
 * How the lab looks on this machine: the colour theme and presenter mode (large text for a
 * projector). Kept in localStorage, validated when read (a bad value falls back to the default),
 * applied as attributes on <html> so plain CSS (src/index.css) does the rest:
 * `data-theme="light" | "dark"` (absent: follow the system) and `data-presenter` (present: on).
 */

export type ThemeChoice = 'system' | 'light' | 'dark'

export interface DisplaySettings {
  theme: ThemeChoice
  presenter: boolean
}

export const DISPLAY_STORAGE_KEY = 'oidc-lab:display:v1'

export const DEFAULT_DISPLAY: DisplaySettings = { theme: 'system', presenter: false }

export const THEME_CHOICES: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

const isTheme = (value: unknown): value is ThemeChoice =>
  value === 'system' || value === 'light' || value === 'dark'

/** The stored text as settings; anything unreadable or unknown keeps its default. */
export function parseDisplaySettings(text: string | null): DisplaySettings {
  if (text === null) return DEFAULT_DISPLAY
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return DEFAULT_DISPLAY
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_DISPLAY
  const { theme, presenter } = value as Record<string, unknown>
  return {
    theme: isTheme(theme) ? theme : DEFAULT_DISPLAY.theme,
    presenter: typeof presenter === 'boolean' ? presenter : DEFAULT_DISPLAY.presenter,
  }
}

function read(): DisplaySettings {
  try {
    return parseDisplaySettings(window.localStorage.getItem(DISPLAY_STORAGE_KEY))
  } catch {
    // storage disabled: the defaults, for this page only
    return DEFAULT_DISPLAY
  }
}

/** Puts the settings on <html>: the stylesheet keys the palette and the text sizes on them. */
export function applyDisplaySettings(settings: DisplaySettings, root: HTMLElement) {
  if (settings.theme === 'system') root.removeAttribute('data-theme')
  else root.setAttribute('data-theme', settings.theme)
  if (settings.presenter) root.setAttribute('data-presenter', '')
  else root.removeAttribute('data-presenter')
}

let current: DisplaySettings | undefined
const listeners = new Set<() => void>()

export function getDisplaySettings(): DisplaySettings {
  current ??= read()
  return current
}

export function setDisplaySettings(change: Partial<DisplaySettings>) {
  current = { ...getDisplaySettings(), ...change }
  applyDisplaySettings(current, document.documentElement)
  try {
    window.localStorage.setItem(DISPLAY_STORAGE_KEY, JSON.stringify(current))
  } catch {
    // storage full or disabled: the setting holds until the page is closed
  }
  for (const listener of listeners) listener()
}

export function subscribeDisplaySettings(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (event: StorageEvent) => {
    if (event.key !== DISPLAY_STORAGE_KEY) return
    current = parseDisplaySettings(event.newValue)
    applyDisplaySettings(current, document.documentElement)
    listener()
  }
  // another tab changed the display: follow it
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}
