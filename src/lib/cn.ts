import { type ClassValue, clsx } from 'clsx'

/**
 * Joins class names. No tailwind-merge (8 KB gzip on the first page): the few components that take
 * a `className` are only ever given classes that do not contend with their own.
 */
export function cn(...inputs: ClassValue[]) {
  return clsx(inputs)
}
