import { createContext, useContext } from 'react'
import type { ProjectionSync } from '../db/sync'

export const ProjectionSyncContext = createContext<ProjectionSync | null>(null)

export function useProjectionSync(): ProjectionSync {
  const sync = useContext(ProjectionSyncContext)
  if (!sync) throw new Error('useProjectionSync outside <App>')
  return sync
}
