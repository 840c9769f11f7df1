import { z } from 'zod/mini'

const envSchema = z.object({
  // the embedded demo realm (`npm run idp`); override to point the demo preset elsewhere
  VITE_DEMO_ISSUER: z._default(z.url(), 'http://localhost:8080/realms/demo'),
})

const parsed = envSchema.safeParse(import.meta.env)
if (!parsed.success) {
  throw new Error(`Invalid build environment: ${z.prettifyError(parsed.error)}`)
}

export const env = { demoIssuer: parsed.data.VITE_DEMO_ISSUER }
