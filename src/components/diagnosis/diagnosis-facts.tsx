import { RichText } from '@/components/ui/rich-text'
import { cn } from '@/lib/cn'

export interface DiagnosisFactsProps {
  title: string
  items: string[]
  /** Inferences are set in italics, apart from observed facts. */
  inferred?: boolean
}

/** One term of a diagnosis's description list: observed facts, or inferences. */
export function DiagnosisFacts({ title, items, inferred }: DiagnosisFactsProps) {
  if (items.length === 0) return null
  return (
    <>
      <dt className="font-medium text-slate-600">{title}</dt>
      <dd>
        <ul className={cn('list-disc pl-4', inferred ? 'text-slate-700 italic' : 'text-slate-800')}>
          {items.map((item) => (
            <li key={item}>
              <RichText text={item} />
            </li>
          ))}
        </ul>
      </dd>
    </>
  )
}
