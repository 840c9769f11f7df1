/**
 * A few hundred bytes of validation for the values the first page reads back from storage (the
 * saved flow, the remembered setup). It mirrors the small part of `zod/mini`'s API those schemas
 * use, so they read the same as the history's `run-schema.ts`; zod itself (9 KB gzip) loads only
 * with the history. Messages are English and name what was expected.
 */

export interface Issue {
  path: PropertyKey[]
  message: string
}

export type SafeParse<T> =
  { success: true; data: T } | { success: false; error: { issues: Issue[] } }

export interface Schema<T> {
  safeParse(value: unknown): SafeParse<T>
  /** Reads `value` or adds its issues under `path`; returns whether it was valid. */
  check(value: unknown, path: PropertyKey[], issues: Issue[]): { ok: boolean; data?: T }
  /** Whether an absent member is allowed (`optional`, `_default`). */
  optional?: boolean
}

export type Infer<S> = S extends Schema<infer T> ? T : never

type Shape = Record<string, Schema<unknown>>
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends { optional: true } ? K : never
}[keyof S]
type ObjectOf<S extends Shape> = { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
  [K in OptionalKeys<S>]?: Infer<S[K]>
}

function schema<T>(check: Schema<T>['check'], optional = false): Schema<T> {
  return {
    check,
    optional,
    safeParse(value) {
      const issues: Issue[] = []
      const result = check(value, [], issues)
      return result.ok
        ? { success: true, data: result.data as T }
        : { success: false, error: { issues } }
    },
  }
}

const describe = (value: unknown) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number' && !Number.isFinite(value)
        ? String(value)
        : typeof value

function primitive<T>(expected: string, test: (value: unknown) => boolean): Schema<T> {
  return schema((value, path, issues) => {
    if (test(value)) return { ok: true, data: value as T }
    issues.push({
      path,
      message: `Invalid input: expected ${expected}, received ${describe(value)}`,
    })
    return { ok: false }
  })
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function object<S extends Shape>(
  shape: S,
  loose: boolean,
): Schema<ObjectOf<S>> & { def: { shape: S } } {
  const base = schema<ObjectOf<S>>((value, path, issues) => {
    if (!isRecord(value)) {
      issues.push({ path, message: `Invalid input: expected object, received ${describe(value)}` })
      return { ok: false }
    }
    const data: Record<string, unknown> = loose ? { ...value } : {}
    let ok = true
    for (const [key, member] of Object.entries(shape)) {
      if (!Object.hasOwn(value, key) || value[key] === undefined) {
        if (member.optional) {
          const fallback = member.check(undefined, [...path, key], issues)
          if (fallback.data !== undefined) data[key] = fallback.data
          continue
        }
        issues.push({
          path: [...path, key],
          message: 'Invalid input: expected a value, received undefined',
        })
        ok = false
        continue
      }
      const result = member.check(value[key], [...path, key], issues)
      if (result.ok) data[key] = result.data
      else ok = false
    }
    return ok ? { ok, data: data as ObjectOf<S> } : { ok }
  })
  return { ...base, def: { shape } }
}

export const z = {
  string: () => primitive<string>('string', (v) => typeof v === 'string'),
  boolean: () => primitive<boolean>('boolean', (v) => typeof v === 'boolean'),
  number: () => primitive<number>('number', (v) => typeof v === 'number' && Number.isFinite(v)),
  enum: <const T extends readonly string[]>(values: T) =>
    primitive<T[number]>(
      `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`,
      (v) => typeof v === 'string' && values.includes(v),
    ),
  /** Unknown members are dropped. */
  object: <S extends Shape>(shape: S) => object(shape, false),
  /** Unknown members are kept as they are. */
  looseObject: <S extends Shape>(shape: S) => object(shape, true),
  array: <T>(item: Schema<T>): Schema<T[]> =>
    schema((value, path, issues) => {
      if (!Array.isArray(value)) {
        issues.push({ path, message: `Invalid input: expected array, received ${describe(value)}` })
        return { ok: false }
      }
      const data: T[] = []
      let ok = true
      value.forEach((v, i) => {
        const result = item.check(v, [...path, i], issues)
        if (result.ok) data.push(result.data as T)
        else ok = false
      })
      return ok ? { ok, data } : { ok }
    }),
  tuple: <A, B>([first, second]: [Schema<A>, Schema<B>]): Schema<[A, B]> =>
    schema((value, path, issues) => {
      if (!Array.isArray(value) || value.length !== 2) {
        issues.push({ path, message: 'Invalid input: expected a pair' })
        return { ok: false }
      }
      const a = first.check(value[0], [...path, 0], issues)
      const b = second.check(value[1], [...path, 1], issues)
      return a.ok && b.ok ? { ok: true, data: [a.data as A, b.data as B] } : { ok: false }
    }),
  record: <V>(_key: Schema<string>, item: Schema<V>): Schema<Record<string, V>> =>
    schema((value, path, issues) => {
      if (!isRecord(value)) {
        issues.push({
          path,
          message: `Invalid input: expected record, received ${describe(value)}`,
        })
        return { ok: false }
      }
      const data: Record<string, V> = {}
      let ok = true
      for (const [key, v] of Object.entries(value)) {
        const result = item.check(v, [...path, key], issues)
        if (result.ok) data[key] = result.data as V
        else ok = false
      }
      return ok ? { ok, data } : { ok }
    }),
  optional: <T>(inner: Schema<T>): Schema<T | undefined> & { optional: true } => {
    const s = schema<T | undefined>(
      (value, path, issues) =>
        value === undefined ? { ok: true } : inner.check(value, path, issues),
      true,
    )
    return s as Schema<T | undefined> & { optional: true }
  },
}
