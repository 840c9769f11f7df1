import type { HttpResponseRecord } from '@/lib/wire/http-types'
import { DIAGNOSIS_TEXT, type DiagnosisCode } from '../diagnosis-text'
import type { OidcError } from '../types'
import { diagnosis, tick, type Diagnosis, type DiagnosisParts } from './shared'

/** The diagnosis code named like an `OidcError` code, or `non_standard_response`. */
export function closestDiagnosis(code: OidcError['code']): DiagnosisCode {
  return (Object.hasOwn(DIAGNOSIS_TEXT, code) ? code : 'non_standard_response') as DiagnosisCode
}

/**
 * Explains an answer the specs do not define (a provider's own error code, an HTML or empty page,
 * JSON without `error`), keeping the provider's code and naming the closest standard meaning as a
 * guess. `who` starts the sentences (`The token endpoint`, `Userinfo`). It does not re-read the
 * response body; `error` is the process helper's verdict.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function diagnoseNonStandard(
  error: OidcError,
  response: HttpResponseRecord,
  base: DiagnosisParts,
  who: string,
): Diagnosis {
  const guessed: string[] = []
  if (error.closest) {
    guessed.push(
      `The closest standard meaning is ${tick(error.closest)}: ${DIAGNOSIS_TEXT[closestDiagnosis(error.closest)].cause}`,
    )
  }
  const status = response.status
  if (error.detail === 'html' || error.detail === 'not_json' || error.detail === 'empty_body') {
    if (status === 404 || status === 405) {
      guessed.push(
        `${who} URL or method looks wrong: a ${status} page usually comes from a web server that has no such endpoint.`,
      )
    } else if (status >= 500) {
      guessed.push(
        'A gateway or proxy in front of the provider answered: the provider may be down or unreachable from the proxy.',
      )
    } else if (status === 200) {
      guessed.push(
        'A web page answered instead of the provider: a proxy login page, or an app serving its index.html for every path.',
      )
    }
  }
  if (error.detail === 'unknown_error_code' && error.provider) {
    return diagnosis('non_standard_response', {
      ...base,
      guessed,
      title: `Non-standard error: ${error.provider.error}`,
      cause: `${who} used its own error code ${tick(error.provider.error)} (HTTP ${status}), which OAuth 2.0 does not define.`,
      fix: error.closest
        ? `Treat it as ${tick(error.closest)}: ${DIAGNOSIS_TEXT[closestDiagnosis(error.closest)].fix}`
        : DIAGNOSIS_TEXT.non_standard_response.fix,
      detail: error.detail,
    })
  }
  if (error.closest === 'server_error' || error.closest === 'temporarily_unavailable') {
    return diagnosis(error.closest, { ...base, guessed, detail: error.detail ?? 'non_standard' })
  }
  return diagnosis('non_standard_response', {
    ...base,
    guessed,
    cause: error.message,
    ...(error.detail ? { detail: error.detail } : {}),
  })
}
