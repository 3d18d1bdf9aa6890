import { Modal, NavLink, ScrollArea, Stack, Text, TextInput } from '@mantine/core'
import { IconCheck, IconSearch } from '@tabler/icons-react'
import { useId, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { phraseKinds, type PhraseKind } from '../../../../shared/domain/scripts'
import type { ScriptRow } from '../../db/schema'
import { copyText } from './clipboard'
import { useCurrentScripts, useScriptLanguage } from './useScripts'

/** 004 标准用语, grouped by kind in the standard's order; the search matches either language. */
function groupPhrases(phrases: ScriptRow[], query: string): { kind: PhraseKind; phrases: ScriptRow[] }[] {
  const needle = query.trim().toLowerCase()
  const matches = (phrase: ScriptRow) =>
    !needle ||
    [phrase.body['zh-CN'], phrase.body.en, phrase.title['zh-CN'], phrase.title.en].some((text) => text.toLowerCase().includes(needle))
  return phraseKinds
    .map((kind) => ({ kind, phrases: phrases.filter((phrase) => phrase.phraseKind === kind && matches(phrase)) }))
    .filter((group) => group.phrases.length > 0)
}

/** Standard phrases one hotkey away: type to search, arrows to move, Enter to copy, Esc to close. */
export function PhrasePalette({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal opened={opened} onClose={onClose} title={t('call.palette.title')} size="lg">
      {opened && <PaletteBody />}
    </Modal>
  )
}

function PaletteBody() {
  const { t } = useTranslation()
  const language = useScriptLanguage()
  const listId = useId()
  const phrases = useCurrentScripts('phrase') ?? []
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [copied, setCopied] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  const groups = groupPhrases(phrases, query)
  const flat = groups.flatMap((group) => group.phrases)
  const activeIndex = Math.min(active, Math.max(0, flat.length - 1))
  const optionId = (index: number) => `${listId}-${index}`

  const copy = (phrase: ScriptRow | undefined) => {
    if (!phrase) return
    const text = phrase.body[language]
    copyText(text).then(
      () => {
        setFailed(false)
        setCopied(text)
      },
      () => setFailed(true),
    )
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive(Math.min(activeIndex + 1, flat.length - 1))
    else if (event.key === 'ArrowUp') setActive(Math.max(activeIndex - 1, 0))
    else if (event.key === 'Enter') copy(flat[activeIndex])
    else return
    event.preventDefault()
  }

  let index = -1
  return (
    <Stack gap="sm">
      <TextInput
        data-autofocus
        label={t('call.palette.search')}
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded
        aria-controls={listId}
        aria-activedescendant={flat.length ? optionId(activeIndex) : undefined}
        description={t('call.palette.help')}
      />
      <ScrollArea.Autosize mah={360}>
        <div role="listbox" id={listId} aria-label={t('call.palette.list')}>
          {groups.map((group) => (
            <div key={group.kind} role="group" aria-label={t(`scripts.phraseKinds.${group.kind}`)}>
              <Text size="xs" fw={700} c="dimmed" mt="xs" mb={2}>
                {t(`scripts.phraseKinds.${group.kind}`)}
              </Text>
              {group.phrases.map((phrase) => {
                index += 1
                const mine = index
                return (
                  <NavLink
                    key={phrase.scriptId}
                    id={optionId(mine)}
                    role="option"
                    aria-selected={mine === activeIndex}
                    active={mine === activeIndex}
                    label={phrase.body[language]}
                    onClick={() => copy(phrase)}
                    onMouseEnter={() => setActive(mine)}
                    tabIndex={-1}
                  />
                )
              })}
            </div>
          ))}
        </div>
        {flat.length === 0 && <Text c="dimmed">{t('call.palette.empty')}</Text>}
      </ScrollArea.Autosize>
      <Text size="sm" c={failed ? 'red' : 'teal'} role="status" aria-live="polite" mih={20}>
        {failed ? t('call.palette.copyFailed') : copied ? (
          <>
            <IconCheck size={14} /> {t('call.palette.copied', { text: copied })}
          </>
        ) : null}
      </Text>
    </Stack>
  )
}
