/** The build environment, checked once when the app loads (a bad value stops it with the reason). */
function demoIssuer(value: unknown): string {
  // the embedded demo realm (`npm run idp`); override to point the demo preset elsewhere
  if (value === undefined || value === '') return 'http://localhost:8080/realms/demo'
  if (typeof value === 'string' && URL.canParse(value)) return value
  throw new Error(
    `Invalid build environment: VITE_DEMO_ISSUER must be a URL, got ${JSON.stringify(value)}`,
  )
}

export const env = { demoIssuer: demoIssuer(import.meta.env.VITE_DEMO_ISSUER) }
