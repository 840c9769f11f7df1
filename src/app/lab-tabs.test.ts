import { describe, expect, test } from 'vitest'
import { parseLabView } from '@/app/lab-tabs'

describe('parseLabView', () => {
  test.each([
    ['', { name: 'flow' }],
    ['#', { name: 'flow' }],
    ['#inspect', { name: 'inspect' }],
    ['#token=eyJ.a.b', { name: 'inspect', token: 'eyJ.a.b' }],
    ['#token=abc.%25%25.def', { name: 'inspect', token: 'abc.%%.def' }],
    ['#token=abc.%%%.def', { name: 'inspect', token: 'abc.%%%.def' }],
    ['#history', { name: 'history' }],
    ['#compare=run-a,run-b', { name: 'history', compare: ['run-a', 'run-b'] }],
    ['#compare=run-a', { name: 'history' }],
    ['#matrix', { name: 'matrix' }],
    [
      '#matrix?sets=openid|openid%20email',
      { name: 'matrix', sets: [['openid'], ['openid', 'email']] },
    ],
    ['#unknown', { name: 'flow' }],
  ])('%j', (hash, view) => {
    expect(parseLabView(hash)).toEqual(view)
  })
})
