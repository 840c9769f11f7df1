/**
 * Prints the JS and CSS the first page loads (gzip), from `dist/index.html`: its module script,
 * its modulepreload links and its stylesheets. Fails above the budget, so the first page only gets
 * lighter. Run after `vite build`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

// the goal is 100 KB; the gate fails above 120 KB, so a change that adds to the first page is seen
const GOAL_KB = 100
const BUDGET_KB = 120

const dist = join(import.meta.dirname, '..', 'dist')
const html = readFileSync(join(dist, 'index.html'), 'utf8')
const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '')
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10
let js = 0
let css = 0
for (const asset of new Set(assets)) {
  const path = join(dist, asset.replace(/^\/+/, ''))
  const size = gzipSync(readFileSync(path)).length
  if (asset.endsWith('.js')) js += size
  else css += size
  console.log(`  ${asset}: ${kb(size)} KB gzip`)
}
console.log(
  `first page: JS ${kb(js)} KB gzip, CSS ${kb(css)} KB gzip (JS goal ${GOAL_KB} KB, fails above ${BUDGET_KB} KB)`,
)
if (kb(js) > GOAL_KB)
  console.warn(
    `The first page's JS is over the ${GOAL_KB} KB goal: load what it does not show lazily.`,
  )
if (kb(js) > BUDGET_KB) {
  console.error(`The first page's JS is over budget: ${kb(js)} KB > ${BUDGET_KB} KB gzip.`)
  process.exit(1)
}
