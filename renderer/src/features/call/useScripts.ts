import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import type { ScriptCategory } from '../../../../shared/domain/scripts'
import { db, type ScriptRow } from '../../db/schema'

/** The library's current scripts (retired ones left out) in the order they were first published. */
export function useCurrentScripts(category?: ScriptCategory): ScriptRow[] | undefined {
  return useLiveQuery(async () => {
    const rows = await db.scripts.where('retired').equals(0).toArray()
    return rows.filter((row) => !category || row.category === category).sort((a, b) => a.firstSeq - b.firstSeq)
  }, [category])
}

/** Scripts are written in both languages; an agent reads the one the screen is in. */
export function useScriptLanguage(): 'zh-CN' | 'en' {
  const { i18n } = useTranslation()
  return i18n.language === 'en' ? 'en' : 'zh-CN'
}
