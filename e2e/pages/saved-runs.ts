import type { Page } from '@playwright/test'

/**
 * The runs this browser saved, oldest first, read straight from the lab's IndexedDB in the page (so
 * a test never leaves the page while a run is still being written). Never creates the database:
 * none yet reads as no runs. `T` is the part of the stored run the test looks at.
 */
export async function savedRuns<T>(page: Page): Promise<T[]> {
  const runs = await page.evaluate(
    () =>
      new Promise<unknown[]>((resolve) => {
        const open = indexedDB.open('oidc-lab-runs')
        open.onupgradeneeded = () => open.transaction?.abort()
        open.onerror = () => resolve([])
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('runs')) {
            db.close()
            resolve([])
            return
          }
          const all = db.transaction('runs').objectStore('runs').getAll()
          all.onsuccess = () => {
            db.close()
            resolve(all.result)
          }
        }
      }),
  )
  const createdAt = (run: unknown) => Date.parse((run as { createdAt?: string }).createdAt ?? '')
  return runs.sort((a, b) => createdAt(a) - createdAt(b)) as T[]
}
