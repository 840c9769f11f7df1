import { useState } from 'react'
import { Button } from '@/components/ui/button'

export interface CopyButtonProps {
  text: string
  label?: string
}

export function CopyButton({ text, label = 'Copy' }: CopyButtonProps) {
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null)
  async function copy() {
    try {
      await navigator.clipboard.writeText(text)
      setCopied('ok')
    } catch {
      setCopied('failed')
    }
    setTimeout(() => setCopied(null), 1500)
  }
  return (
    <Button variant="secondary" size="sm" onClick={() => void copy()}>
      {copied === 'ok' ? 'Copied' : copied === 'failed' ? 'Copy blocked: select and copy' : label}
    </Button>
  )
}
