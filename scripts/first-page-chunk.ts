/**
 * One chunk for everything the first page imports statically. Rolldown gives a module shared by the
 * first page and a lazy chunk (React, the button, the exchange store…) a chunk of its own and does
 * not merge it back into the entry (the entry imports those lazy chunks, so that would be circular):
 * the first page then loaded ten files, each gzipped on its own. Grouping every module the entry
 * reaches through static imports into one `app` chunk keeps what is lazy lazy and loads the first
 * page as one file (plus the small runtime). `npm run size` prints the result.
 */
interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null
}

/** The modules `entry` reaches through static imports (dynamic `import()`s are not followed). */
export function staticallyReached(ctx: ModuleGraph, entry: string): Set<string> {
  const seen = new Set<string>()
  const stack = [entry]
  while (stack.length > 0) {
    const id = stack.pop()!
    if (seen.has(id)) continue
    seen.add(id)
    stack.push(...(ctx.getModuleInfo(id)?.importedIds ?? []))
  }
  return seen
}

/** A code-splitting group naming `app` every module the entry module `entry` imports statically. */
export function firstPageGroup(entry: string) {
  let firstPage: Set<string> | undefined
  return {
    name(id: string, ctx: ModuleGraph): string | null {
      firstPage ??= staticallyReached(ctx, entry)
      return firstPage.has(id) ? 'app' : null
    },
  }
}
