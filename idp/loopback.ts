import { lookup } from 'node:dns/promises'
import { createServer, type RequestListener, type Server } from 'node:http'
import { isIP } from 'node:net'

export class PortInUseError extends Error {
  readonly port: number
  constructor(port: number) {
    super(
      `Port ${port} is already in use — is the demo realm already running? Set IDP_PORT=… to use another port.`,
    )
    this.port = port
  }
}

export class NotLoopbackError extends Error {
  constructor(host: string) {
    super(
      `IDP_HOST=${host} is not a loopback address: the demo realm only listens on this machine.`,
    )
  }
}

function isLoopback(address: string): boolean {
  return address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address)
}

/**
 * The addresses to bind for a host name. `localhost` gets both loopbacks: Node's fetch may resolve
 * it to 127.0.0.1 while Chromium also tries ::1, and a server on only one of them can leave the
 * other to some unrelated process.
 */
export async function loopbackAddresses(host: string): Promise<string[]> {
  if (host === 'localhost') return ['127.0.0.1', '::1']
  if (isIP(host)) {
    if (!isLoopback(host)) throw new NotLoopbackError(host)
    return [host]
  }
  const resolved = await lookup(host, { all: true }).then(
    (entries) => entries.map((entry) => entry.address),
    () => [],
  )
  const addresses = [...new Set(resolved.filter(isLoopback))]
  if (addresses.length === 0) throw new NotLoopbackError(host)
  return addresses
}

/** `localhost:8080`, or `[::1]:8080` for an IPv6 literal. */
export function hostWithPort(host: string, port: number): string {
  return `${isIP(host) === 6 ? `[${host}]` : host}:${port}`
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined
}

function listen(server: Server, port: number, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening)
      reject(error)
    }
    const onListening = () => {
      server.off('error', onError)
      const bound = server.address()
      resolve(typeof bound === 'object' && bound ? bound.port : port)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen({ port, host: address, ipv6Only: address.includes(':') })
  })
}

export async function closeServers(servers: readonly Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => {
            resolve()
          })
          // keep-alive connections (Node's fetch, browsers) would hold close() open
          server.closeAllConnections()
        }),
    ),
  )
}

/** IPv6 may be missing on a machine; only the first address is required. */
const optionalAddressErrors = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EINVAL'])

/**
 * Listens on every address with the same port. Port 0 picks a free port on the first address and
 * retries when another process holds it on a later one.
 */
export async function listenOnLoopback(
  addresses: readonly string[],
  port: number,
  handler: RequestListener,
): Promise<{ port: number; servers: Server[] }> {
  const [first, ...rest] = addresses
  if (first === undefined) throw new Error('no address to listen on')

  for (let attempt = 0; attempt < 5; attempt++) {
    const servers: Server[] = []
    try {
      const primary = createServer(handler)
      servers.push(primary)
      const actualPort = await listen(primary, port, first)
      for (const address of rest) {
        const server = createServer(handler)
        try {
          await listen(server, actualPort, address)
          servers.push(server)
        } catch (error) {
          if (!optionalAddressErrors.has(errorCode(error) ?? '')) throw error
        }
      }
      return { port: actualPort, servers }
    } catch (error) {
      await closeServers(servers)
      if (errorCode(error) !== 'EADDRINUSE') throw error
      if (port !== 0) throw new PortInUseError(port)
    }
  }
  throw new Error('could not find a free port on every loopback address')
}
