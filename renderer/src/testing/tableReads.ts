import type { Dexie } from 'dexie'

/** One read request a table answered: its kind, and how many rows (not keys) came back. */
export interface TableRead {
  table: string
  request: 'get' | 'getMany' | 'query' | 'openCursor'
  /** Rows read; a cursor over rows cannot be counted, so it counts as unbounded. Index-only reads are 0. */
  rows: number
}

/**
 * Records the read requests a database's tables answer, through Dexie's DBCore, while `during` runs:
 * what a query costs in round trips and in rows, whatever Dexie call made it. Register it before the
 * database opens.
 */
export function recordTableReads(db: Dexie) {
  let log: TableRead[] | null = null
  db.use({
    stack: 'dbcore',
    name: 'recordTableReads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name)
        const record = (request: TableRead['request'], rows: number) => log?.push({ table: name, request, rows })
        return {
          ...table,
          // Chained with then, not awaited in an async function: a native await here would end the
          // transaction the request runs in (Dexie's PrematureCommitError) in a projection step.
          get: (request) =>
            table.get(request).then((row: unknown) => {
              record('get', row === undefined ? 0 : 1)
              return row
            }),
          getMany: (request) =>
            table.getMany(request).then((found) => {
              record('getMany', found.filter((row) => row !== undefined).length)
              return found
            }),
          query: (request) =>
            table.query(request).then((answer) => {
              record('query', request.values ? answer.result.length : 0)
              return answer
            }),
          openCursor: (request) => {
            record('openCursor', request.values ? Number.POSITIVE_INFINITY : 0)
            return table.openCursor(request)
          },
        }
      },
    }),
  })
  return {
    /** The reads `run` made, in the order they were asked for. */
    async during<T>(run: () => Promise<T>): Promise<{ result: T; reads: TableRead[] }> {
      const reads: TableRead[] = []
      log = reads
      try {
        return { result: await run(), reads }
      } finally {
        log = null
      }
    },
  }
}
