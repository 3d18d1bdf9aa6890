import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { SEAT_ACTOR } from '../../../../shared/journal/entry'
import { db, type UserRow } from '../../db/schema'

/**
 * Every user the seat knows, and how the screens name one: "张伟（A001）", the seat itself, or the bare
 * employee number while the projection has not caught up with them.
 */
export function useUsers(): { users: UserRow[] | undefined; nameOf: (employeeNo: string) => string } {
  const { t } = useTranslation()
  const users = useLiveQuery(() => db.users.toArray(), [])
  const nameOf = useCallback(
    (employeeNo: string) => {
      // The seat itself writes the demo history and closes calls at a lock-screen sign-out.
      if (employeeNo === SEAT_ACTOR) return t('tickets.seatActor')
      const user = users?.find((candidate) => candidate.employeeNo === employeeNo)
      return user ? t('shell.user', { name: user.name, employeeNo }) : employeeNo
    },
    [users, t],
  )
  return { users, nameOf }
}
