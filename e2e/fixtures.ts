import { test as base } from '@playwright/test'
import { IdpLoginPage } from './pages/idp-login-page'
import { LabPage } from './pages/lab-page'

export const test = base.extend<{ lab: LabPage; idpLogin: IdpLoginPage }>({
  lab: async ({ page }, use) => {
    await use(new LabPage(page))
  },
  idpLogin: async ({ page }, use) => {
    await use(new IdpLoginPage(page))
  },
})

export { expect } from '@playwright/test'
