/**
 * HTTP exchange shapes. The definitions live in `@/lib/oidc/http-types` because the pure protocol
 * layer builds and processes them and may not import `lib/http`; the names here stay the public ones.
 */
export type { HttpExchange, HttpRequestSpec, HttpResponseRecord } from '@/lib/oidc/http-types'
