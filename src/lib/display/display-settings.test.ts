// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import {
  applyDisplaySettings,
  DEFAULT_DISPLAY,
  parseDisplaySettings,
} from '@/lib/display/display-settings'

describe('parseDisplaySettings', () => {
  it('reads what was stored', () => {
    expect(parseDisplaySettings('{"theme":"dark","presenter":true}')).toEqual({
      theme: 'dark',
      presenter: true,
    })
  })

  it.each([null, '', 'not json', '42', 'null', '[]', '"dark"'])(
    'falls back to the defaults for %j',
    (text) => {
      expect(parseDisplaySettings(text)).toEqual(DEFAULT_DISPLAY)
    },
  )

  it('keeps the valid half of a half-broken value', () => {
    expect(parseDisplaySettings('{"theme":"purple","presenter":true}')).toEqual({
      theme: 'system',
      presenter: true,
    })
    expect(parseDisplaySettings('{"theme":"light","presenter":"yes"}')).toEqual({
      theme: 'light',
      presenter: false,
    })
  })
})

describe('applyDisplaySettings', () => {
  it('sets and clears the attributes the stylesheet keys on', () => {
    const root = document.createElement('html')
    applyDisplaySettings({ theme: 'dark', presenter: true }, root)
    expect(root.getAttribute('data-theme')).toBe('dark')
    expect(root.hasAttribute('data-presenter')).toBe(true)
    applyDisplaySettings({ theme: 'system', presenter: false }, root)
    expect(root.hasAttribute('data-theme')).toBe(false)
    expect(root.hasAttribute('data-presenter')).toBe(false)
  })
})
