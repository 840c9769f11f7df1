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
    [
      '#compare=run-a',
      { name: 'history', notice: expect.stringContaining('takes exactly two run ids') as string },
    ],
    ['#matrix', { name: 'matrix' }],
    ['#lessons', { name: 'lessons' }],
    [
      '#unknown',
      {
        name: 'flow',
        notice: expect.stringContaining('“#unknown”, which is not a view') as string,
      },
    ],
    [
      '#matrix?x=1',
      { name: 'matrix', notice: expect.stringContaining('#matrix takes only sets=') as string },
    ],
    [
      '#matrix?sets=openid|openid%20email',
      { name: 'matrix', sets: [['openid'], ['openid', 'email']] },
    ],
  ])('%j', (hash, view) => {
    expect(parseLabView(hash)).toEqual(view)
  })
})
