/**
 * Measures the demo realm's start: spawn → first 200 from discovery, and the server's RSS at that
 * moment. Not a test. Run: `npx tsx idp/measure-startup.ts [runs]`.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url))

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0)
      })
    })
  })
}

/** RSS in MB of a process and its descendants (the tsx CLI runs the server in a child). */
function rssMb(pid: number): number {
  let kb = 0
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    for (const child of children.split(' ').filter(Boolean)) kb += rssMb(Number(child)) * 1024
  } catch {
    // not Linux, or the process is gone
  }
  return kb / 1024
}

async function measure(command: string, args: string[]): Promise<{ ms: number; rss: number }> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, IDP_PORT: String(port) },
    stdio: 'ignore',
  })
  const url = `http://localhost:${port}/realms/demo/.well-known/openid-configuration`
  try {
    for (;;) {
      try {
        if ((await fetch(url)).status === 200) break
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const ms = performance.now() - started
    return { ms, rss: child.pid ? rssMb(child.pid) : Number.NaN }
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  }
}

const runs = Number(process.argv[2] ?? 5)
const variants: [string, string, string[]][] = [
  ['tsx idp/main.ts (npm run idp without npm)', tsx, ['idp/main.ts']],
  [
    'node --import tsx idp/main.ts (one process)',
    process.execPath,
    ['--import', 'tsx', 'idp/main.ts'],
  ],
]
for (const [label, command, args] of variants) {
  const results = []
  for (let run = 0; run < runs; run++) results.push(await measure(command, args))
  const times = results.map((result) => Math.round(result.ms)).sort((a, b) => a - b)
  const rss = results.map((result) => Math.round(result.rss))
  console.log(
    `${label}\n  spawn → discovery 200: ${times.join(', ')} ms\n  RSS at ready: ${rss.join(', ')} MB`,
  )
}
