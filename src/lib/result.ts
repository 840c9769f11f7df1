/**
 * What a process helper returns: never a throw for protocol problems, but data the UI can explain.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E }

/** The success branch of a {@link Result}. */
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value })

/** The failure branch of a {@link Result}. */
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error })
