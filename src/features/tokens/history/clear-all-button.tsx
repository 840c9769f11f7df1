import { useState } from 'react'
import { Button } from '@/components/ui/button'

export interface ClearAllButtonProps {
  count: number
  onConfirm: () => void
}

export function ClearAllButton({ count, onConfirm }: ClearAllButtonProps) {
  const [confirming, setConfirming] = useState(false)
  if (!confirming) {
    return (
      <Button
        variant="secondary"
        size="sm"
        disabled={count === 0}
        onClick={() => setConfirming(true)}
      >
        Clear all
      </Button>
    )
  }
  return (
    <div role="group" aria-label="Confirm clearing the history" className="flex items-center gap-2">
      <span className="text-xs text-slate-700">
        Delete all {count} saved record{count === 1 ? '' : 's'} from this browser?
      </span>
      <Button
        variant="danger"
        size="sm"
        // the destructive choice is one step away, so start on it deliberately
        autoFocus
        onClick={() => {
          setConfirming(false)
          onConfirm()
        }}
      >
        Yes, delete all
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </div>
  )
}
