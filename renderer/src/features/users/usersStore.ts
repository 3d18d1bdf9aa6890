import { create } from 'zustand'

// Which dialog the users screen has open; the users themselves come from Dexie.
interface UsersScreenState {
  adding: boolean
  resettingPinOf: string | null
}

export const useUsersScreen = create<UsersScreenState>(() => ({ adding: false, resettingPinOf: null }))
