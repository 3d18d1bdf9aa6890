import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { channelNames } from '../../../shared/ipc/channels'
import { contract } from '../../../shared/ipc/contract'
import { sampleRequests } from './sampleRequests'

// Every string and array a renderer can send is bounded, so no request can make main hold or hash an
// unbounded value. Proven twice: by walking each request schema's tree, and by sending 100k-character
// strings that satisfy every other rule at each string position.

interface SchemaNode {
  _zod: { def: { type: string; checks?: Array<{ _zod: { def: { check: string; maximum?: number } } }> } & Record<string, unknown> }
}

/** Paths (in the schema tree) of strings and arrays without a maximum length. */
function unboundedPositions(schema: SchemaNode, path: string): string[] {
  const def = schema._zod.def
  const hasMax = (def.checks ?? []).some((check) => check._zod.def.check === 'max_length' && Number.isFinite(check._zod.def.maximum))
  switch (def.type) {
    case 'string':
      return hasMax ? [] : [path]
    case 'array':
      return [...(hasMax ? [] : [path]), ...unboundedPositions(def.element as SchemaNode, `${path}[]`)]
    case 'object':
      return Object.entries(def.shape as Record<string, SchemaNode>).flatMap(([key, child]) => unboundedPositions(child, `${path}.${key}`))
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return unboundedPositions(def.innerType as SchemaNode, path)
    case 'pipe':
      return [...unboundedPositions(def.in as SchemaNode, path), ...unboundedPositions(def.out as SchemaNode, path)]
    case 'union':
      // A ticket's details: every kind the renderer may send must be bounded on its own.
      return (def.options as SchemaNode[]).flatMap((option) => unboundedPositions(option, path))
    case 'transform':
      // Runs on what the pipe's input schema already bounded (a phone typed → E.164); it reads no new input.
      return []
    case 'number':
    case 'boolean':
    case 'literal':
    case 'enum':
      return []
    default:
      // A kind this walker does not know (record, union, …) must be taught here before it ships.
      return [`${path} (unchecked schema type ${def.type})`]
  }
}

const validRequests = sampleRequests

/**
 * Strings allowed past 100k characters, each for a reason: a script library file holds up to 1000
 * scripts. The sample there is repeated past its own bound instead.
 */
const largerBounds: Record<string, number> = { 'scriptsImport.json': 2_000_000 }

/** Every (path, string) leaf of a request. */
function stringLeaves(value: unknown, path: string[] = []): Array<[string[], string]> {
  if (typeof value === 'string') return [[path, value]]
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, child]) => stringLeaves(child, [...path, key]))
}

function withValue(value: unknown, path: string[], replacement: unknown): unknown {
  const [head, ...rest] = path
  if (head === undefined) return replacement
  // Arrays stay arrays (the call settings' reasons), so only the length can be refused.
  const copy: Record<string, unknown> = Array.isArray(value) ? [...(value as unknown[])] as unknown as Record<string, unknown> : { ...(value as Record<string, unknown>) }
  copy[head] = withValue(copy[head], rest, replacement)
  return copy
}

describe('IPC contract bounds', () => {
  it.each(channelNames)('%s request: every string and array has a maximum length', (channel) => {
    expect(unboundedPositions(contract[channel].request as unknown as SchemaNode, channel)).toEqual([])
  })

  it.each(channelNames)('%s request: a 100k-character string is refused at each string position', (channel) => {
    const schema = contract[channel].request as z.ZodType
    const valid = validRequests[channel]
    expect(schema.safeParse(valid).success).toBe(true)
    for (const [path, sample] of stringLeaves(valid)) {
      // Repeating the valid value keeps its character class, so only the length can be the reason.
      const length = (largerBounds[[channel, ...path].join('.')] ?? 99_999) + 1
      const huge = sample.repeat(Math.ceil(length / sample.length))
      const result = schema.safeParse(withValue(valid, path, huge))
      expect(result.success, path.join('.')).toBe(false)
      if (!result.success) {
        expect(result.error.issues.some((issue) => issue.path.join('.') === path.join('.')), path.join('.')).toBe(true)
      }
    }
  })
})
