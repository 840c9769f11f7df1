import { useSyncExternalStore } from 'react'
import {
  DEFAULT_DISPLAY,
  getDisplaySettings,
  subscribeDisplaySettings,
  type DisplaySettings,
} from '@/lib/display/display-settings'

/** The display settings, re-rendering when they change (here or in another tab). */
export function useDisplaySettings(): DisplaySettings {
  return useSyncExternalStore(subscribeDisplaySettings, getDisplaySettings, () => DEFAULT_DISPLAY)
}
