import type { Locator, Page } from '@playwright/test'

/** The page's computed background as sRGB relative luminance (0 black … 1 white). */
export function backgroundLuminance(page: Page): Promise<number> {
  return luminance(page.locator('body'), 'backgroundColor')
}

/** An element's computed colour (`color`, `backgroundColor`) as sRGB relative luminance. */
export function luminance(
  element: Locator,
  property: 'color' | 'backgroundColor',
): Promise<number> {
  return element.evaluate((el, prop) => {
    const color = getComputedStyle(el)[prop]
    // the canvas turns any CSS colour (oklch included) into sRGB bytes
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = 1
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2d canvas')
    context.fillStyle = color
    context.fillRect(0, 0, 1, 1)
    const [r, g, b] = [...context.getImageData(0, 0, 1, 1).data].map((v) => {
      const c = v / 255
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }, property)
}

export interface TextSize {
  text: string
  px: number
  where: string
}

/** Every visible element of the main content that holds text of its own, with its font size. */
export function textSizes(page: Page): Promise<TextSize[]> {
  return page.evaluate(() => {
    const out: { text: string; px: number; where: string }[] = []
    for (const el of document.querySelectorAll('header *, main *')) {
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim()
      if (!own) continue
      const box = el.getBoundingClientRect()
      // hidden, or screen-reader only (1 px clipped)
      if (box.width <= 1 || box.height <= 1) continue
      if (el.closest('[hidden], details:not([open]) > :not(summary)')) continue
      // SVG text is drawn at its font size times the picture's scale (viewBox → rendered box)
      const svg = el.closest('svg')
      const scale =
        svg && svg.viewBox.baseVal.width > 0
          ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
          : 1
      const px = parseFloat(getComputedStyle(el).fontSize) * scale
      const step = el.closest('[data-step]')?.getAttribute('data-step')
      out.push({ text: own.slice(0, 40), px, where: `${el.tagName.toLowerCase()}@${step ?? '-'}` })
    }
    return out
  })
}
