import { lazy, Suspense, useState } from 'react'
import { Button } from '@/components/ui/button'

// the confirmation and the deletion load on the first click: most visits never forget
const ForgetEverythingPanel = lazy(() =>
  import('@/features/forget/forget-everything-panel').then((m) => ({
    default: m.ForgetEverythingPanel,
  })),
)

/** The header's "Forget everything": asks first, then deletes every storage the lab uses. */
export function ForgetEverythingButton() {
  const [opened, setOpened] = useState(false)
  if (!opened)
    return (
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Button variant="ghost" size="sm" onClick={() => setOpened(true)}>
          Forget everything
        </Button>
      </div>
    )
  return (
    <Suspense
      fallback={
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <Button variant="ghost" size="sm" disabled>
            Forget everything
          </Button>
        </div>
      }
    >
      <ForgetEverythingPanel />
    </Suspense>
  )
}
