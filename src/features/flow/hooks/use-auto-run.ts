import { useEffect } from 'react'
import type { FlowState } from '@/features/flow/flow-reducer'

interface AutoRunInput {
  flow: FlowState
  /** Whether the callback passed its checks; undefined before it arrived. */
  proceed: boolean | undefined
  canExchange: boolean
  canCallUserinfo: boolean
  pending: boolean
  exchangeCode: () => void
  callUserinfo: () => void
  stop: () => void
}

// codes are single-use: the automatic run must never send the same one twice (StrictMode runs effects twice)
const autoSent = new Set<string>()

/** "Run the whole flow": after the callback, exchange the code and call userinfo without pausing. */
export function useAutoRun(input: AutoRunInput) {
  const { flow, proceed, canExchange, canCallUserinfo, pending, exchangeCode, callUserinfo, stop } =
    input
  useEffect(() => {
    if (!flow.autoRun || flow.mode !== 'guided' || !flow.callback || pending) return
    const key = flow.callback.url
    if (flow.tokenExchanges.length === 0) {
      if (proceed === false) stop()
      if (!canExchange || autoSent.has(key)) return
      autoSent.add(key)
      exchangeCode()
      return
    }
    if (
      flow.userinfoExchanges.length === 0 &&
      canCallUserinfo &&
      !autoSent.has(`${key}#userinfo`)
    ) {
      autoSent.add(`${key}#userinfo`)
      callUserinfo()
    }
    stop()
  }, [flow, proceed, canExchange, canCallUserinfo, pending, exchangeCode, callUserinfo, stop])
}
