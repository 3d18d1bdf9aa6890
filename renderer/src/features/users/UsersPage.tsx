import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconUserPlus } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { db, type UserRow } from '../../db/schema'
import { describeError, formatClockSeconds } from '../../i18n/format'
import { ConfirmModal } from '../../ui/ConfirmModal'
import { AddUserModal } from './AddUserModal'
import { ResetPinModal } from './ResetPinModal'
import { useUsersScreen } from './usersStore'

/** Supervisors: who may sign in at this seat, from the journal's view. */
export default function UsersPage() {
  const { t, i18n } = useTranslation()
  const users = useLiveQuery(() => db.users.orderBy('employeeNo').toArray(), [])
  const resettingPinOf = useUsersScreen((state) => state.resettingPinOf)

  const setActive = async (user: UserRow, active: boolean) => {
    try {
      await call('userSetActive', { employeeNo: user.employeeNo, active })
      notifications.show({ color: 'teal', message: t(active ? 'users.enabled' : 'users.disabled', { name: user.name }) })
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(t, error, i18n.language) })
    }
  }
  // Disabling ends the user's shift and stops their sign-in: asked once. Enabling is not.
  const [disabling, setDisabling] = useState<UserRow | null>(null)
  const lockedNow = (user: UserRow) => user.lockedUntil !== null && Date.parse(user.lockedUntil) > Date.now()

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('users.title')}
        </Title>
        <Button leftSection={<IconUserPlus size={18} />} onClick={() => useUsersScreen.setState({ adding: true })}>
          {t('users.add')}
        </Button>
      </Group>
      {users && users.length === 0 ? (
        <Text c="dimmed">{t('users.empty')}</Text>
      ) : (
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('users.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.columns.employeeNo')}</Table.Th>
              <Table.Th>{t('users.columns.name')}</Table.Th>
              <Table.Th>{t('users.columns.role')}</Table.Th>
              <Table.Th>{t('users.columns.status')}</Table.Th>
              <Table.Th>{t('users.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users?.map((user) => (
              <Table.Tr key={user.employeeNo}>
                <Table.Td>{user.employeeNo}</Table.Td>
                <Table.Td>{user.name}</Table.Td>
                <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Badge variant="light" color={user.active ? 'teal' : 'gray'}>
                      {user.active ? t('users.active') : t('users.inactive')}
                    </Badge>
                    {lockedNow(user) && user.lockedUntil && (
                      <Badge variant="light" color="orange">
                        {t('users.lockedUntil', { time: formatClockSeconds(user.lockedUntil, i18n.language) })}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" role="group" aria-label={t('users.actionsFor', { name: user.name, employeeNo: user.employeeNo })}>
                    {user.active ? (
                      <Button size="compact-sm" variant="default" onClick={() => setDisabling(user)}>
                        {t('users.disable')}
                      </Button>
                    ) : (
                      <Button size="compact-sm" variant="default" onClick={() => void setActive(user, true)}>
                        {t('users.enable')}
                      </Button>
                    )}
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => useUsersScreen.setState({ resettingPinOf: user.employeeNo })}
                    >
                      {t('users.resetPin')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddUserModal />
      <ResetPinModal user={users?.find((user) => user.employeeNo === resettingPinOf)} />
      <ConfirmModal
        opened={disabling !== null}
        title={t('users.disableTitle')}
        confirmLabel={t('users.disable')}
        onCancel={() => setDisabling(null)}
        onConfirm={async () => {
          if (disabling) await setActive(disabling, false)
          setDisabling(null)
        }}
      >
        {disabling && t('users.disableConfirm', { name: disabling.name, employeeNo: disabling.employeeNo })}
      </ConfirmModal>
    </Stack>
  )
}
