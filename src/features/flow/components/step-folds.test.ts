import { describe, expect, it } from 'vitest'
import { autoFolded, type FoldItem } from '@/features/flow/components/step-folds'

const line = (id: string, status: FoldItem['status']): FoldItem => ({ id, line: true, status })
const tool = (id: string, status: FoldItem['status']): FoldItem => ({ id, line: false, status })

describe('autoFolded', () => {
  it('folds finished steps once a later step has finished, keeping the newest open', () => {
    const folded = autoFolded([
      line('callback', 'done'),
      line('token', 'done'),
      line('userinfo', 'done'),
      tool('refresh', 'ready'),
    ])
    expect([...folded].sort()).toEqual(['callback', 'token'])
  })

  it('keeps a failed step open, and folds what came before it', () => {
    const folded = autoFolded([
      line('callback', 'done'),
      line('token', 'done'),
      line('userinfo', 'fail'),
    ])
    expect([...folded].sort()).toEqual(['callback', 'token'])
  })

  it('folds nothing while the newest finished step is the only one', () => {
    expect(autoFolded([line('callback', 'done'), line('token', 'ready')]).size).toBe(0)
  })

  it('never folds steps off the main line, however many steps finished after them', () => {
    const folded = autoFolded([
      line('token', 'done'),
      line('userinfo', 'done'),
      tool('introspect', 'done'),
      tool('revoke', 'done'),
    ])
    expect([...folded]).toEqual(['token'])
  })

  it('does not fold a step that is waiting or running', () => {
    const folded = autoFolded([line('token', 'running'), line('userinfo', 'done')])
    expect(folded.size).toBe(0)
  })
})
