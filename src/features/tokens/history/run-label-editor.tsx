import { useId, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'

export interface RunLabelEditorProps {
  id: string
  label: string
  onRename: (label: string) => void
}

export function RunLabelEditor({ id, label, onRename }: RunLabelEditorProps) {
  const [draft, setDraft] = useState<string>()
  const renameId = useId()

  const close = () => {
    setDraft(undefined)
    requestAnimationFrame(() => document.getElementById(renameId)?.focus())
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (draft !== undefined && draft !== label) onRename(draft)
    close()
  }

  if (draft === undefined) {
    return (
      <div className="flex min-w-0 items-center gap-2">
        <h3 id={id} className="truncate text-sm font-semibold" title={label}>
          {label}
        </h3>
        <Button id={renameId} variant="ghost" size="sm" onClick={() => setDraft(label)}>
          Rename
        </Button>
      </div>
    )
  }
  return (
    <form onSubmit={submit} className="flex min-w-0 items-center gap-2">
      <h3 id={id} className="sr-only">
        {label}
      </h3>
      <input
        aria-label="Run label"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && close()}
        placeholder="Leave empty for the default label"
        // the user just asked to rename: put them in the field
        autoFocus
        className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <Button type="submit" size="sm">
        Save
      </Button>
      <Button variant="ghost" size="sm" onClick={close}>
        Cancel
      </Button>
    </form>
  )
}
