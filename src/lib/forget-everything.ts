/** The prefix of every localStorage key and IndexedDB database the lab uses. */
export const LAB_STORAGE_PREFIX = 'oidc-lab'

export interface ForgetTargets {
  local: Storage
  session: Storage
  indexedDB?: IDBFactory
  /** Databases to delete even when `indexedDB.databases()` is unavailable. */
  knownDatabases: readonly string[]
}

export interface ForgetReport {
  /** localStorage keys removed (`oidc-lab:*`: remembered setup, settings). */
  localKeys: string[]
  /** sessionStorage entries removed (this tab's flow, exchange log, library mode state). */
  sessionKeys: string[]
  /** IndexedDB databases deleted (the run history). */
  databases: string[]
  /** What could not be deleted, said plainly. */
  problems: string[]
}

const keysOf = (storage: Storage) =>
  Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
    (key): key is string => key !== null,
  )

function deleteDatabase(factory: IDBFactory, name: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const request = factory.deleteDatabase(name)
    request.onsuccess = () => resolve(undefined)
    request.onerror = () => resolve(`${name}: ${request.error?.message ?? 'not deleted'}`)
    // another tab still holds it open: the deletion completes once that tab lets go
    request.onblocked = () =>
      resolve(
        `${name}: another tab of the lab still has it open; it is deleted when that tab closes`,
      )
  })
}

/**
 * Deletes everything the lab keeps in this browser: `oidc-lab:*` in localStorage, the whole
 * sessionStorage of this tab (the origin is the lab's), and every `oidc-lab*` IndexedDB database.
 * Never throws; what could not be deleted is listed in `problems`.
 */
export async function forgetEverything(targets: ForgetTargets): Promise<ForgetReport> {
  const report: ForgetReport = { localKeys: [], sessionKeys: [], databases: [], problems: [] }
  try {
    report.localKeys = keysOf(targets.local).filter((key) => key.startsWith(LAB_STORAGE_PREFIX))
    for (const key of report.localKeys) targets.local.removeItem(key)
  } catch (error) {
    report.problems.push(`localStorage: ${String(error)}`)
  }
  try {
    report.sessionKeys = keysOf(targets.session)
    targets.session.clear()
  } catch (error) {
    report.problems.push(`sessionStorage: ${String(error)}`)
  }
  const factory = targets.indexedDB
  if (!factory) return report
  const names = new Set(targets.knownDatabases)
  try {
    for (const info of await factory.databases()) {
      if (info.name?.startsWith(LAB_STORAGE_PREFIX)) names.add(info.name)
    }
  } catch {
    // databases() is missing in older browsers: the known names are enough
  }
  for (const name of names) {
    const problem = await deleteDatabase(factory, name)
    if (problem) report.problems.push(problem)
    else report.databases.push(name)
  }
  return report
}
