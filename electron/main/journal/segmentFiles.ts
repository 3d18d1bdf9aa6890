import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

// Segment files are `segment-000001.ndjson`, `segment-000002.ndjson`, … numbered without gaps from 1:
// a missing number means lost entries and is corruption, never something to skip over.
const SEGMENT_NAME = /^segment-(\d{6})\.ndjson$/
export const DEFAULT_SEGMENT_BYTES = 16 * 1024 * 1024
const NEWLINE = 0x0a

export interface SegmentFile {
  number: number
  path: string
}

export function segmentFileName(number: number): string {
  return `segment-${String(number).padStart(6, '0')}.ndjson`
}

export type SegmentListing = { ok: true; segments: SegmentFile[] } | { ok: false; reason: string }

export async function listSegments(directory: string): Promise<SegmentListing> {
  const names = await readdir(directory)
  const numbers = names
    .map((name) => SEGMENT_NAME.exec(name)?.[1])
    .filter((digits): digits is string => digits !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
  for (const [position, number] of numbers.entries()) {
    if (number !== position + 1) {
      return { ok: false, reason: `segment files are not numbered without gaps from 1: ${segmentFileName(position + 1)} is missing` }
    }
  }
  return { ok: true, segments: numbers.map((number) => ({ number, path: join(directory, segmentFileName(number)) })) }
}

/** A complete line's byte range within a segment, newline excluded. */
export interface LineSpan {
  start: number
  end: number
}

/** Complete lines of a segment buffer and the bytes after the last newline (a torn tail, if any). */
export function splitSegment(bytes: Buffer): { lines: LineSpan[]; tailStart: number } {
  const lines: LineSpan[] = []
  let start = 0
  for (let newline = bytes.indexOf(NEWLINE, start); newline !== -1; newline = bytes.indexOf(NEWLINE, start)) {
    lines.push({ start, end: newline })
    start = newline + 1
  }
  return { lines, tailStart: start }
}

/**
 * Decodes a line, refusing bytes that are not valid UTF-8: the decoder would replace them with U+FFFD
 * and the text could then look canonical although the bytes on disk differ from what was signed.
 */
export function decodeLine(bytes: Buffer, span: LineSpan): string | null {
  const text = bytes.toString('utf8', span.start, span.end)
  if (text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(bytes.subarray(span.start, span.end))) return null
  return text
}
