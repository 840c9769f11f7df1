import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, CSP_DIRECTIVES, SECURITY_HEADERS, withCsp } from './csp'

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>OIDC Lab</title>
    <script type="module" crossorigin src="/assets/index.js"></script>
  </head>
</html>`

describe('contentSecurityPolicy', () => {
  it('joins directives with their sources', () => {
    expect(
      contentSecurityPolicy({ 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'] }),
    ).toBe("default-src 'self'; img-src 'self' data:")
  })

  it('allows scripts from the app only, and no inline or eval anywhere', () => {
    const policy = contentSecurityPolicy()
    expect(policy).toContain("script-src 'self';")
    expect(policy).not.toContain('unsafe-')
    expect(CSP_DIRECTIVES['object-src']).toEqual(["'none'"])
    expect(CSP_DIRECTIVES['base-uri']).toEqual(["'none'"])
  })

  it('leaves out what a meta policy cannot carry', () => {
    expect(Object.keys(CSP_DIRECTIVES)).not.toContain('frame-ancestors')
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe("frame-ancestors 'self'")
  })
})

describe('withCsp', () => {
  it('puts the policy right after <meta charset>, before any script', () => {
    const html = withCsp(PAGE, "default-src 'self'")
    expect(html).toContain(
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />\n`,
    )
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'))
  })

  it('refuses a page without <meta charset> and a source that would end the attribute', () => {
    expect(() => withCsp('<head></head>')).toThrow(/meta charset/)
    expect(() => withCsp(PAGE, `default-src "self"`)).toThrow(/double quote/)
  })
})
