import { Button } from '@/components/ui/button'
import { CopyButton } from '@/components/ui/copy-button'
import { downloadText } from '@/lib/download'
import { matrixToCsv, matrixToMarkdown, type ScopeMatrix } from '@/lib/matrix/build-matrix'

export function MatrixExport({ matrix }: { matrix: ScopeMatrix }) {
  const markdown = matrixToMarkdown(matrix)
  return (
    <div className="flex flex-wrap gap-2">
      <CopyButton text={markdown} label="Copy as Markdown" />
      <Button
        variant="secondary"
        size="sm"
        onClick={() => downloadText('scope-matrix.md', 'text/markdown', markdown)}
      >
        Download Markdown
      </Button>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => downloadText('scope-matrix.csv', 'text/csv', matrixToCsv(matrix))}
      >
        Download CSV
      </Button>
    </div>
  )
}
