/** What the history shows side by side: two runs, or two views of one run. */
export type ComparisonTarget =
  { kind: 'runs'; ids: [left: string, right: string] } | { kind: 'views'; id: string }
