import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, test } from 'vitest'
import { startRealm } from './server.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url))

interface Run {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  exit: Promise<number | null>
}

const running: ChildProcess[] = []
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

/** Runs `tsx idp/main.ts`, which is what `npm run idp` runs. */
function runMain(env: Record<string, string>): Run {
  const child = spawn(tsx, ['idp/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve))
  return { child, stdout: () => stdout, stderr: () => stderr, exit }
}

async function waitFor(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

test(
  'npm run idp prints what a developer needs, serves, and stops on SIGTERM',
  { timeout: 20_000 },
  async () => {
    const run = runMain({ IDP_PORT: '0', IDP_EXTRA_REDIRECT_URIS: 'http://localhost:5999/cb' })
    await waitFor(() => run.stdout().includes('Ready in'), 'the banner')

    const out = run.stdout()
    const issuer = /Issuer: +(\S+)/.exec(out)?.[1] ?? ''
    expect(issuer).toMatch(/^http:\/\/localhost:\d+\/realms\/demo$/)
    expect(out).toContain(`Discovery: ${issuer}/.well-known/openid-configuration`)
    expect(out).toMatch(/alice \/ alice/)
    expect(out).toMatch(/bob {3}\/ bob/)
    expect(out).toMatch(/carol \/ carol/)
    expect(out).toMatch(/oidc-lab +public, PKCE S256 required/)
    expect(out).toContain('default scopes:  profile roles')
    expect(out).toContain('optional scopes: email address phone offline_access api:read')
    expect(out).toContain('confidential, secret oidc-lab-secret')
    expect(out).toContain('http://localhost:5999/cb')
    expect(run.stderr()).toBe('')

    const discovery = await fetch(`${issuer}/.well-known/openid-configuration`)
    expect(discovery.status).toBe(200)

    run.child.kill('SIGTERM')
    expect(await run.exit).toBe(0)
    expect(run.stdout()).toContain('stopping the demo realm')
  },
)

test('a busy port is one clear line and exit code 1', { timeout: 20_000 }, async () => {
  const realm = await startRealm({ port: 0, quiet: true })
  try {
    const port = new URL(realm.issuer).port
    const run = runMain({ IDP_PORT: port })
    expect(await run.exit).toBe(1)
    expect(run.stderr()).toBe(
      `Port ${port} is already in use — is the demo realm already running? Set IDP_PORT=… to use another port.\n`,
    )
    expect(run.stdout()).toBe('')
  } finally {
    await realm.close()
  }
})
