export interface SpecLinkProps {
  href: string
  children: string
}

/** Links to specifications open in a new tab and send no referrer (the lab's URL may hold a code). */
export function SpecLink({ href, children }: SpecLinkProps) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer noopener"
      className="text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-700"
    >
      {children}
    </a>
  )
}
