import { expect, test } from './fixtures'
import { APP_ORIGIN, DEMO_ORIGIN, fullTour } from './tour'

test('a whole sitting talks to the app and the configured provider only', async ({
  lab,
  idpLogin,
  page,
  context,
}) => {
  // listening only: every request of every page, popup and frame of this browser context
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))

  await fullTour(page, lab, idpLogin)

  const origins = new Set(requests.map((url) => new URL(url).origin))
  // the sitting did reach both (a broken recorder would pass an empty list)
  expect([...origins]).toEqual(expect.arrayContaining([APP_ORIGIN, DEMO_ORIGIN]))
  const elsewhere = requests.filter(
    (url) => ![APP_ORIGIN, DEMO_ORIGIN].includes(new URL(url).origin),
  )
  expect(elsewhere, 'requests to any other origin').toEqual([])
  // the provider got its protocol calls, nothing that looks like telemetry
  const toProvider = requests.filter((url) => url.startsWith(`${DEMO_ORIGIN}/`))
  expect(toProvider.some((url) => url.includes('/protocol/openid-connect/token'))).toBe(true)
  expect(toProvider.some((url) => url.includes('/protocol/openid-connect/userinfo'))).toBe(true)
  expect(toProvider.some((url) => url.includes('/.well-known/openid-configuration'))).toBe(true)
})
