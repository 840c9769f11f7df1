/**
 * A plain static file host, like GitHub Pages or an S3 website: it serves the files of a folder
 * under a path prefix and knows nothing of single-page apps (no rewrite to index.html). A path is
 * answered by the file itself, `<path>.html` or `<path>/index.html`; anything else gets the
 * folder's `404.html` with status 404. The lab's `/callback` works here only because the build
 * writes its fallback pages (scripts/static-host.ts).
 */
import { readFile, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { SECURITY_HEADERS } from '../../scripts/csp'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
}

export interface StaticHost {
  origin: string
  /** The paths requested so far, with the file that answered (or 404). */
  served: { path: string; file: string | undefined }[]
  close(): Promise<void>
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  )
}

export async function startStaticHost(options: {
  root: string
  prefix: string
  port: number
}): Promise<StaticHost> {
  const { root, prefix, port } = options
  const served: StaticHost['served'] = []

  async function fileFor(pathname: string): Promise<string | undefined> {
    if (!pathname.startsWith(prefix)) return undefined
    const relative = normalize(decodeURIComponent(pathname.slice(prefix.length)))
    if (relative.startsWith('..')) return undefined
    const base = join(root, relative)
    for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
      if (await isFile(candidate)) return candidate
    }
    return undefined
  }

  const server: Server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://static.invalid')
    void fileFor(pathname).then(async (file) => {
      served.push({ path: pathname, file })
      const body = await readFile(file ?? join(root, '404.html'))
      const type = file ? (TYPES[extname(file)] ?? 'application/octet-stream') : TYPES['.html']
      res.writeHead(file ? 200 : 404, { ...SECURITY_HEADERS, 'content-type': type })
      res.end(body)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, 'localhost', resolve)
  })
  return {
    origin: `http://localhost:${port}`,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
