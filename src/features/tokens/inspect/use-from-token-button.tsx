export interface UseFromTokenButtonProps {
  claim: string
  value: string | undefined
  onUse: (value: string) => void
}

/** Offers a value read from the token itself, for exploring; a real client never does this. */
export function UseFromTokenButton({ claim, value, onUse }: UseFromTokenButtonProps) {
  if (!value) return null
  return (
    <button
      type="button"
      onClick={() => onUse(value)}
      title="Handy for exploring; a real client compares with its own configuration, never with what the token says"
      className="max-w-full truncate text-left text-xs text-indigo-700 hover:underline"
    >
      Use {claim} from the token: <code className="font-mono">{value}</code>
    </button>
  )
}
