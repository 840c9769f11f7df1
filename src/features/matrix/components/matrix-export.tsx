import { Button } from '@/components/ui/button'
import { CopyButton } from '@/components/ui/copy-button'
import { matrixToCsv, matrixToMarkdown, type ScopeMatrix } from '@/lib/matrix/build-matrix'

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  URL.revokeObjectURL(url)
}

export function MatrixExport({ matrix }: { matrix: ScopeMatrix }) {
  const markdown = matrixToMarkdown(matrix)
  return (
    <div className="flex flex-wrap gap-2">
      <CopyButton text={markdown} label="Copy as Markdown" />
      <Button
        variant="secondary"
        size="sm"
        onClick={() => download('scope-matrix.md', 'text/markdown', markdown)}
      >
        Download Markdown
      </Button>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => download('scope-matrix.csv', 'text/csv', matrixToCsv(matrix))}
      >
        Download CSV
      </Button>
    </div>
  )
}
