import { useEffect, useState } from 'react'

const seconds = () => Math.floor(Date.now() / 1000)

/** The current time in seconds, refreshed every `intervalMs` so "expires in 4 min" stays true. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(seconds)
  useEffect(() => {
    const timer = setInterval(() => setNow(seconds()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
