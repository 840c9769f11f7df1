import { PART_NAME, PART_TEXT } from '@/components/jwt/token-part-styles'
import { cn } from '@/lib/cn'
import type { DecodeProblem, TokenPart } from '@/lib/jwt/decode-jwt'

export interface RawPartProps {
  part: TokenPart
  /** The part's first error: the part is underlined and the character at its position marked. */
  error: DecodeProblem | undefined
}

export function RawPart({ part, error }: RawPartProps) {
  const title = error ? error.message : PART_NAME[part.role]
  const badClass = error && 'bg-rose-500/15 underline decoration-rose-500 decoration-wavy'
  if (part.text === '') {
    return error ? (
      <span title={title} className="rounded bg-rose-500/30 px-1 text-rose-200 italic">
        {`${PART_NAME[part.role]} empty`}
      </span>
    ) : null
  }
  const at = error?.position
  if (at === undefined || at > part.text.length) {
    return (
      <span title={title} data-part={part.role} className={cn(PART_TEXT[part.role], badClass)}>
        {part.text}
      </span>
    )
  }
  return (
    <span title={title} data-part={part.role} className={cn(PART_TEXT[part.role], badClass)}>
      {part.text.slice(0, at)}
      <mark className="rounded-sm bg-rose-500 px-px text-white">{part.text.charAt(at) || '‸'}</mark>
      {part.text.slice(at + 1)}
    </span>
  )
}
