/**
 * `npm run bench`: prints the figures issue budgets talk about. Not a test: it never fails on a
 * slow machine, it reports.
 *  1. claim diff of two 64 KB tokens (decode both + compare), goal < 50 ms
 *  2. opening a history of 1000 runs (IndexedDB list + validation), goal < 300 ms
 *  3. the scope → claims matrix of 16 scope sets on the demo realm, in Chromium, goal < 4 s
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import 'fake-indexeddb/auto'
import { chromium } from '@playwright/test'
import { decodeJwt } from '@/lib/jwt/decode-jwt'
import { compareClaims } from '@/lib/jwt/compare-claims'
import { createRunStore } from '@/lib/runs/run-store'
import type { LabRun } from '@/lib/runs/types'
import { chromiumLaunchOptions } from '../e2e/chromium'
import { startRealm } from '../idp/server'

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const ms = (value: number) => `${value.toFixed(1)} ms`
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

function bigToken(seed: string): string {
  const payload: Record<string, unknown> = {
    iss: 'https://idp.example',
    sub: seed,
    exp: 2e9,
    iat: 1.9e9,
  }
  for (let i = 0; JSON.stringify(payload).length < 64 * 1024; i++)
    payload[`claim_${i}`] =
      i % 7 === 0 ? { nested: [seed, i, { deep: `${seed}-${i}` }] } : `${seed}-value-${i}`
  return `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(payload)}.c2ln`
}

function benchClaimDiff(): number {
  const [a, b] = [bigToken('left'), bigToken('right')]
  const times: number[] = []
  for (let i = 0; i < 25; i++) {
    const start = performance.now()
    compareClaims(decodeJwt(a).payload, decodeJwt(b).payload)
    times.push(performance.now() - start)
  }
  return median(times)
}

const historyToken = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ sub: 'alice', email: 'alice@example.com', pad: 'x'.repeat(1200) })}.c2ln`

function fakeRun(i: number): LabRun {
  const token = historyToken
  return {
    v: 1,
    id: `run-${String(i).padStart(4, '0')}`,
    label: `alice · oidc-lab · openid profile email · run ${i}`,
    createdAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
    issuer: 'http://localhost:8080/realms/demo',
    clientId: 'oidc-lab',
    clientType: 'public',
    requestedScope: ['openid', 'profile', 'email'],
    grantedScope: ['openid', 'profile', 'email', 'roles'],
    user: 'alice',
    tokens: { idToken: token, accessToken: token, refreshToken: 'opaque-refresh' },
    tokenStatus: 200,
    userinfo: { status: 200, claims: { sub: 'u', email: 'alice@example.com' } },
    checks: { idToken: [], accessToken: [], userinfo: [] },
    exchanges: [],
  }
}

async function benchHistory(): Promise<number> {
  const writer = createRunStore({ indexedDB, dbName: 'bench-history', limit: 1000 })
  for (let i = 0; i < 1000; i++) await writer.save(fakeRun(i))
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const reader = createRunStore({ indexedDB, dbName: 'bench-history', limit: 1000 })
    const start = performance.now()
    const { runs } = await reader.list()
    times.push(performance.now() - start)
    if (runs.length !== 1000) throw new Error(`expected 1000 runs, got ${runs.length}`)
  }
  return median(times)
}

async function waitFor(url: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not come up`)
}

async function benchMatrix(): Promise<number> {
  if (!existsSync('dist/index.html'))
    throw new Error('run `npx vite build` first (npm run bench does)')
  const realm = await startRealm({ port: 8080, quiet: true })
  const preview = spawn('node_modules/.bin/vite', ['preview', '--strictPort'], { stdio: 'ignore' })
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    await waitFor('http://localhost:4173/')
    const page = await browser.newPage()
    await page.goto('http://localhost:4173/?preset=demo&client_id=oidc-lab#matrix')
    await page.getByRole('radio', { name: 'Type the sets' }).check()
    const optional = ['profile', 'email', 'address', 'phone']
    const sets = Array.from({ length: 16 }, (_, mask) => [
      'openid',
      ...optional.filter((_, bit) => mask & (1 << bit)),
    ])
    await page.getByLabel('One scope set per line').fill(sets.map((s) => s.join(' ')).join('\n'))
    // sign in once (the matrix asks for it), then time a full run on the live session
    await page.getByRole('button', { name: 'Run matrix' }).click()
    const popup = page.waitForEvent('popup')
    await page.getByRole('button', { name: 'Sign in at the provider' }).click()
    const login = await popup
    await login.getByLabel(/username/i).fill('alice')
    await login.getByLabel(/password/i).fill('alice')
    await login.getByRole('button', { name: 'Sign In' }).click()
    await page.locator('[data-matrix-status="done"]').waitFor({ timeout: 60_000 })

    const start = performance.now()
    await page.getByRole('button', { name: 'Run matrix' }).click()
    await page.locator('[data-matrix-status="done"]').waitFor({ timeout: 60_000 })
    const elapsed = performance.now() - start
    const cells = await page.locator('td[data-present="true"]').count()
    if (cells === 0) throw new Error('the matrix came back empty')
    return elapsed
  } finally {
    await browser.close()
    preview.kill()
    await realm.close()
  }
}

const diff = benchClaimDiff()
console.log(`claim diff of two 64 KB tokens:        ${ms(diff)} (median of 25; goal < 50 ms)`)
const history = await benchHistory()
console.log(
  `opening a history of 1000 runs:        ${ms(history)} (median of 5, fake-indexeddb in Node; goal < 300 ms)`,
)
const matrix = await benchMatrix()
console.log(
  `matrix of 16 scope sets, demo realm:   ${ms(matrix)} (Chromium, session reused; goal < 4000 ms)`,
)
