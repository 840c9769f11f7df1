/**
 * `npm start`: the demo realm and the app's dev server together, one Ctrl-C stops both.
 * Checks the two ports first so a busy port is one clear sentence, not a stack trace.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

const idpPort = Number(process.env.IDP_PORT ?? 8080)
const appPort = 5173
const host = 'localhost'
const discoveryUrl = `http://${host}:${idpPort}/realms/demo/.well-known/openid-configuration`
const appUrl = `http://${host}:${appPort}/?preset=demo`

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen({ port, host }, () => server.close(() => resolve(true)))
  })
}

async function waitFor(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url)
      if (response.ok) return true
    } catch {
      // not listening yet
    }
    await sleep(150)
  }
  return false
}

const busy: string[] = []
if (!(await portIsFree(idpPort)))
  busy.push(
    `Port ${idpPort} (demo realm) is already in use: is OIDC Lab already running? Stop it, or run with IDP_PORT=<port>.`,
  )
if (!(await portIsFree(appPort)))
  busy.push(
    `Port ${appPort} (app dev server) is already in use: is another Vite dev server running? Stop it and try again.`,
  )
if (busy.length > 0) {
  for (const line of busy) console.error(`✖ ${line}`)
  process.exit(1)
}

const children: ChildProcess[] = []
let stopping = false

function run(name: string, command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env })
  const prefix = `[${name}] `
  const forward = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n'))
      if (line.trim()) stream.write(prefix + line + '\n')
  }
  child.stdout?.on('data', forward(process.stdout))
  child.stderr?.on('data', forward(process.stderr))
  child.on('exit', (code) => {
    if (stopping) return
    console.error(
      `✖ ${name} stopped unexpectedly (exit code ${code ?? 'signal'}); stopping everything.`,
    )
    stop(1)
  })
  children.push(child)
  return child
}

function stop(exitCode: number): void {
  if (stopping) return
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  setTimeout(() => process.exit(exitCode), 500).unref()
}

process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

const bin = (name: string) => `node_modules/.bin/${name}`
run('realm', bin('tsx'), ['idp/main.ts'])
run('app', bin('vite'), ['--clearScreen', 'false'])

const [realmUp, appUp] = await Promise.all([
  waitFor(discoveryUrl, 30_000),
  waitFor(`http://${host}:${appPort}/`, 60_000),
])
if (!realmUp || !appUp) {
  console.error(
    `✖ ${realmUp ? 'The app' : 'The demo realm'} did not start in time; see the lines above.`,
  )
  stop(1)
} else {
  console.log(
    [
      '',
      '  OIDC Lab is running.',
      '',
      `    Open   ${appUrl}`,
      `    Realm  http://${host}:${idpPort}/realms/demo   (users alice/alice, bob/bob, carol/carol)`,
      '',
      '  Ctrl-C stops both.',
      '',
    ].join('\n'),
  )
}
