import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { channelNames } from './channels'
import { contract } from './contract'

describe('IPC contract', () => {
  it('names the same channels as the preload list', () => {
    expect(Object.keys(contract).sort()).toEqual([...channelNames].sort())
  })

  it('rejects extra keys on every request', () => {
    for (const name of channelNames) {
      const schema = contract[name].request as z.ZodType
      expect(schema.safeParse({ __proto_pollution: 1, extra: 'x' }).success, name).toBe(false)
    }
  })
})
