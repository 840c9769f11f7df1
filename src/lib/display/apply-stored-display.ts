// Imported first by src/app/main.tsx: the stored theme and presenter mode are on <html> before
// React renders anything (the CSP forbids an inline script in index.html). "System" needs no
// script at all: the stylesheet follows prefers-color-scheme by itself.
import { applyDisplaySettings, getDisplaySettings } from '@/lib/display/display-settings'

applyDisplaySettings(getDisplaySettings(), document.documentElement)
