import { describe, expect, test } from 'vitest'
import { shellQuote, toCurl } from './curl'
import { buildDiscoveryRequest } from './discovery'
import { buildRefreshRequest, buildTokenRequest } from './token-request'
import { buildUserinfoRequest } from './userinfo'

const TOKEN = 'http://localhost:8080/realms/demo/protocol/openid-connect/token'
const code = {
  tokenEndpoint: TOKEN,
  code: 'c0de',
  redirectUri: 'http://localhost:5173/callback',
  clientId: 'webapp',
}

describe('shellQuote', () => {
  test.each([
    ['plain', "'plain'"],
    ["it's", "'it'\\''s'"],
    ['$HOME `x` "y" \\z', '\'$HOME `x` "y" \\z\''],
    ['', "''"],
  ])('%s', (input, quoted) => {
    expect(shellQuote(input)).toBe(quoted)
  })
})

describe('toCurl', () => {
  test('discovery GET', () => {
    expect(toCurl(buildDiscoveryRequest('https://kc/realms/x'), { revealSecrets: false })).toBe(
      "curl 'https://kc/realms/x/.well-known/openid-configuration' \\\n  -H 'Accept: application/json'",
    )
  })

  test('client_secret_basic, hidden: -u with a placeholder and an export hint', () => {
    const spec = buildTokenRequest({
      ...code,
      codeVerifier: 'v',
      auth: { method: 'client_secret_basic', clientSecret: 'webapp-secret' },
    })
    expect(toCurl(spec, { revealSecrets: false })).toBe(
      [
        '# Set the secrets first (they were left out on purpose). CLIENT_SECRET goes into -u form-urlencoded (RFC 6749 §2.3.1).',
        "export CLIENT_SECRET='…'",
        `curl '${TOKEN}' \\`,
        "  -H 'Content-Type: application/x-www-form-urlencoded' \\",
        "  -H 'Accept: application/json' \\",
        '  -u "webapp:$CLIENT_SECRET" \\',
        "  --data-urlencode 'grant_type=authorization_code' \\",
        "  --data-urlencode 'code=c0de' \\",
        "  --data-urlencode 'redirect_uri=http://localhost:5173/callback' \\",
        "  --data-urlencode 'code_verifier=v'",
      ].join('\n'),
    )
  })

  test('client_secret_basic, revealed: -u with the form-encoded pair', () => {
    const spec = buildTokenRequest({
      ...code,
      auth: { method: 'client_secret_basic', clientSecret: "a:b c'd" },
    })
    expect(toCurl(spec, { revealSecrets: true })).toContain("-u 'webapp:a%3Ab+c%27d'")
  })

  test('client_secret_post, hidden and revealed', () => {
    const spec = buildTokenRequest({
      ...code,
      auth: { method: 'client_secret_post', clientSecret: 's3cret' },
    })
    const hidden = toCurl(spec, { revealSecrets: false })
    expect(hidden).toContain('--data-urlencode "client_secret=$CLIENT_SECRET"')
    expect(hidden).not.toContain('s3cret')
    expect(
      hidden.startsWith(
        "# Set the secrets first (they were left out on purpose).\nexport CLIENT_SECRET='…'\n",
      ),
    ).toBe(true)
    expect(toCurl(spec, { revealSecrets: true })).toContain(
      "--data-urlencode 'client_secret=s3cret'",
    )
  })

  test('Bearer token is a placeholder unless revealed', () => {
    const spec = buildUserinfoRequest('https://kc/userinfo', 'eyJ.abc.def')
    expect(toCurl(spec, { revealSecrets: false })).toBe(
      "# Set the secrets first (they were left out on purpose).\nexport ACCESS_TOKEN='…'\ncurl 'https://kc/userinfo' \\\n  -H \"Authorization: Bearer $ACCESS_TOKEN\" \\\n  -H 'Accept: application/json, application/jwt'",
    )
    expect(toCurl(spec, { revealSecrets: true })).toContain(
      "-H 'Authorization: Bearer eyJ.abc.def'",
    )
  })

  test('refresh token field gets its own placeholder', () => {
    const spec = buildRefreshRequest({
      tokenEndpoint: TOKEN,
      refreshToken: 'rt',
      clientId: 'spa',
      auth: { method: 'none' },
    })
    const hidden = toCurl(spec, { revealSecrets: false })
    expect(hidden).toContain('--data-urlencode "refresh_token=$REFRESH_TOKEN"')
    expect(hidden).toContain("export REFRESH_TOKEN='…'")
  })

  test('a client id with shell metacharacters cannot expand', () => {
    const spec = buildTokenRequest({
      ...code,
      clientId: 'a$HOME`x`',
      auth: { method: 'client_secret_basic', clientSecret: 's' },
    })
    expect(toCurl(spec, { revealSecrets: false })).toContain('-u "a%24HOME%60x%60:$CLIENT_SECRET"')
  })

  test('POST without body keeps -X', () => {
    expect(
      toCurl({ method: 'POST', url: 'https://x/revoke', headers: {} }, { revealSecrets: false }),
    ).toBe("curl -X POST 'https://x/revoke'")
  })

  test('raw JSON body from a library request', () => {
    expect(
      toCurl(
        {
          method: 'POST',
          url: 'https://x',
          headers: { 'Content-Type': 'application/json' },
          body: '{"a":"b\'c"}',
        },
        { revealSecrets: false },
      ),
    ).toBe(
      "curl 'https://x' \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{\"a\":\"b'\\''c\"}'",
    )
  })
})
