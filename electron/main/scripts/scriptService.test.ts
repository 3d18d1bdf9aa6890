import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { seedScripts } from '../../../shared/domain/seedScripts'
import type { ScriptInput } from '../../../shared/domain/scripts'
import type { JournalEntry } from '../../../shared/journal/entry'
import { fixtureSupervisor, openSeatFixture, type SeatFixture } from '../demo/seatFixture'
import type { ImportEntryError } from './scriptService'

let seat: SeatFixture
afterEach(async () => {
  await seat.dispose()
})

async function supervisorAtSeat(): Promise<SeatFixture> {
  const fixture = await openSeatFixture()
  await fixture.signInReady(fixtureSupervisor.employeeNo, fixtureSupervisor.pin)
  return fixture
}

function seed(scriptId: string): ScriptInput {
  const script = seedScripts.find((candidate) => candidate.scriptId === scriptId)
  if (!script) throw new Error(`no seed ${scriptId}`)
  return structuredClone(script)
}

const waybillScript: ScriptInput = {
  scriptId: 'scenario.waybill-found',
  category: 'scenario',
  phraseKind: null,
  title: { 'zh-CN': '运单已查到', en: 'Waybill found' },
  body: { 'zh-CN': '您的运单{waybillNo}已到站，请{customerName}注意查收。', en: 'Waybill {waybillNo} has arrived, {customerName}.' },
}

function entries(fixture: SeatFixture): Promise<JournalEntry[]> {
  return fixture.journalEntries()
}

function importFile(scripts: unknown[]): string {
  return JSON.stringify({ format: 'seatdesk-scripts/v1', scripts })
}

describe('seed scripts', () => {
  it('are published by the seat at setup as version 1, and listed with who published them', async () => {
    seat = await supervisorAtSeat()
    const listed = await seat.call('scriptsList', {})
    expect(listed.map((script) => script.scriptId)).toEqual(seedScripts.map((script) => script.scriptId))
    expect(listed[0]).toMatchObject({ ...seedScripts[0], version: 1, publishedBy: 'seat' })
  })

  it('are published on start when a crash cut seeding short, and only the missing ones', async () => {
    seat = await openSeatFixture()
    await seat.services.close()
    // Keep seat.created, user.added and the first three seeds: what a crash mid-seeding leaves.
    const folder = join(seat.dataDir, 'journal')
    const [segment] = (await readdir(folder)).filter((name) => name.startsWith('segment-'))
    const path = join(folder, String(segment))
    const lines = (await readFile(path, 'utf8')).split('\n')
    await writeFile(path, `${lines.slice(0, 5).join('\n')}\n`)
    await seat.restart()
    const published = (await entries(seat)).filter((entry) => entry.kind === 'script.published')
    expect(published.map((entry) => (entry.payload as { script: ScriptInput }).script.scriptId)).toEqual(seedScripts.map((script) => script.scriptId))
    expect(published.slice(3).every((entry) => entry.actor === 'seat')).toBe(true)
    const head = seat.headSeq()
    await seat.restart()
    expect(seat.headSeq()).toBe(head)
  })
})

describe('scriptSave', () => {
  it('publishes a new script as version 1 and an edit as the next version; an unchanged save publishes nothing', async () => {
    seat = await supervisorAtSeat()
    expect(await seat.call('scriptSave', { script: waybillScript })).toEqual({ ...waybillScript, version: 1 })
    const edited = { ...seed('greeting.standard'), body: { ...seed('greeting.standard').body, 'zh-CN': '您好，{company}，客服{agentNo}号为您服务！' } }
    expect(await seat.call('scriptSave', { script: edited })).toEqual({ ...edited, version: 2 })
    const head = seat.headSeq()
    expect(await seat.call('scriptSave', { script: edited })).toEqual({ ...edited, version: 2 })
    expect(seat.headSeq()).toBe(head)
    const listed = await seat.call('scriptsList', {})
    expect(listed.find((script) => script.scriptId === 'greeting.standard')).toMatchObject({ version: 2, publishedBy: 'S001', publishedAt: seat.clock.now().toISOString() })
    expect((await entries(seat)).at(-1)).toMatchObject({ kind: 'script.published', actor: 'S001', payload: { script: { ...edited, version: 2 } } })
  })

  it('refuses an unknown placeholder and a phrase without its kind, naming each problem', async () => {
    seat = await supervisorAtSeat()
    const head = seat.headSeq()
    const broken = { ...waybillScript, body: { 'zh-CN': '运单{waybill}到了', en: 'Waybill {waybillNo arrived' } }
    const result = await seat.send('scriptSave', { script: broken })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'scriptInvalid',
        params: {
          count: 2,
          first: 'body.zh-CN unknownVariable waybill',
          details: JSON.stringify([
            { field: 'body.zh-CN', problem: 'unknownVariable', name: 'waybill' },
            { field: 'body.en', problem: 'unclosedBrace', at: 8 },
          ]),
        },
      },
    })
    expect(await seat.send('scriptSave', { script: { ...seed('phrase.hello'), phraseKind: null } })).toMatchObject({
      error: { code: 'scriptInvalid', params: { first: 'phraseKind phraseKindRequired' } },
    })
    expect(seat.headSeq()).toBe(head)
  })

  it('is for supervisors only', async () => {
    seat = await supervisorAtSeat()
    await seat.call('userAdd', { employeeNo: 'A001', name: '张伟', role: 'agent', pin: '200001' })
    await seat.call('signOut', {})
    await seat.signInReady('A001', '200001')
    for (const [channel, request] of [
      ['scriptSave', { script: waybillScript }],
      ['scriptRetire', { scriptId: 'scenario.apology' }],
      ['scriptsImport', { json: importFile([]) }],
      ['callSettingsUpdate', { settings: (await seat.call('callSettingsGet', {})) }],
    ] as const) {
      expect(await seat.send(channel, request as never), channel).toEqual({ ok: false, error: { code: 'notAllowed' } })
    }
    expect(JSON.parse((await seat.call('scriptsExport', {})).json)).toMatchObject({ format: 'seatdesk-scripts/v1' })
  })
})

describe('scriptRetire', () => {
  it('takes a script off the list; saving it again brings it back as the next version', async () => {
    seat = await supervisorAtSeat()
    expect(await seat.call('scriptRetire', { scriptId: 'scenario.apology' })).toBeNull()
    expect((await entries(seat)).at(-1)).toMatchObject({ kind: 'script.retired', actor: 'S001', payload: { scriptId: 'scenario.apology', version: 1 } })
    expect((await seat.call('scriptsList', {})).map((script) => script.scriptId)).not.toContain('scenario.apology')
    expect(await seat.send('scriptRetire', { scriptId: 'scenario.apology' })).toEqual({ ok: false, error: { code: 'unknownScript', params: { scriptId: 'scenario.apology' } } })
    expect(await seat.call('scriptSave', { script: seed('scenario.apology') })).toMatchObject({ version: 2 })
    expect((await seat.call('scriptsList', {})).map((script) => script.scriptId)).toContain('scenario.apology')
  })

  it('never retires or re-categorises the last greeting or closing (a call always needs one)', async () => {
    seat = await supervisorAtSeat()
    expect(await seat.send('scriptRetire', { scriptId: 'greeting.standard' })).toEqual({ ok: false, error: { code: 'lastCallScript', params: { category: 'greeting' } } })
    expect(await seat.send('scriptSave', { script: { ...seed('closing.standard'), category: 'scenario' } })).toEqual({
      ok: false,
      error: { code: 'lastCallScript', params: { category: 'closing' } },
    })
    // With a second greeting, the first may go.
    await seat.call('scriptSave', { script: { ...seed('greeting.standard'), scriptId: 'greeting.short' } })
    expect(await seat.call('scriptRetire', { scriptId: 'greeting.standard' })).toBeNull()
    expect(await seat.send('scriptRetire', { scriptId: 'greeting.short' })).toMatchObject({ error: { code: 'lastCallScript' } })
  })

  it('leaves a retired or superseded version valid for the calls that show it', async () => {
    seat = await supervisorAtSeat()
    await seat.call('scriptSave', { script: { ...seed('scenario.apology'), title: { 'zh-CN': '道歉', en: 'Sorry' } } })
    await seat.call('scriptRetire', { scriptId: 'scenario.apology' })
    await seat.call('callAnswer', {})
    const view = await seat.call('callScriptShown', { script: { scriptId: 'scenario.apology', version: 1 } })
    expect(view.scriptsShown).toEqual([{ scriptId: 'scenario.apology', version: 1 }])
  })
})

describe('export and import', () => {
  it('exports the current library as pretty JSON that imports back without a single new version', async () => {
    seat = await supervisorAtSeat()
    await seat.call('scriptSave', { script: waybillScript })
    await seat.call('scriptRetire', { scriptId: 'phrase.good-night' })
    const { json } = await seat.call('scriptsExport', {})
    expect(json).toContain('\n  "scripts": [')
    const exported = JSON.parse(json) as { format: string; scripts: ScriptInput[] }
    expect(exported.format).toBe('seatdesk-scripts/v1')
    expect(exported.scripts).toContainEqual(waybillScript)
    expect(exported.scripts.map((script) => script.scriptId)).not.toContain('phrase.good-night')
    const head = seat.headSeq()
    expect(await seat.call('scriptsImport', { json })).toEqual({ published: 0 })
    expect(seat.headSeq()).toBe(head)
  })

  it('publishes only the new and changed scripts of a valid file', async () => {
    seat = await supervisorAtSeat()
    const changed = { ...seed('closing.standard'), body: { 'zh-CN': '感谢您的来电，再见！', en: 'Thank you for calling, goodbye!' } }
    const result = await seat.call('scriptsImport', { json: importFile([seed('greeting.standard'), changed, waybillScript]) })
    expect(result).toEqual({ published: 2 })
    const listed = await seat.call('scriptsList', {})
    expect(listed.find((script) => script.scriptId === 'closing.standard')).toMatchObject({ version: 2, body: changed.body })
    expect(listed.find((script) => script.scriptId === 'scenario.waybill-found')).toMatchObject({ version: 1, publishedBy: 'S001' })
  })

  it('publishes nothing when any entry is bad, and names every bad entry', async () => {
    seat = await supervisorAtSeat()
    const head = seat.headSeq()
    const file = importFile([
      waybillScript,
      { ...waybillScript, scriptId: 'scenario.x', body: { 'zh-CN': '运单{foo}', en: 'ok' } },
      { ...waybillScript, scriptId: 'Bad Id', title: { 'zh-CN': '', en: 'x' } },
      'not a script',
      waybillScript,
    ])
    const result = await seat.send('scriptsImport', { json: file })
    expect(seat.headSeq()).toBe(head)
    if (result.ok) throw new Error('import should be refused')
    expect(result.error).toMatchObject({ code: 'scriptsImportInvalid', params: { count: 4, listed: 4, first: 'index 1 (scenario.x): body.zh-CN unknownVariable foo' } })
    const details = JSON.parse(String(result.error.params?.details)) as ImportEntryError[]
    expect(details).toEqual([
      { index: 1, scriptId: 'scenario.x', problems: ['body.zh-CN unknownVariable foo'] },
      { index: 2, scriptId: 'Bad Id', problems: ['scriptId invalid_format', 'title.zh-CN too_small'] },
      { index: 3, scriptId: null, problems: ['script invalid_type'] },
      { index: 4, scriptId: 'scenario.waybill-found', problems: ['scriptId duplicate'] },
    ])
  })

  it('keeps the error small however many entries are bad', async () => {
    seat = await supervisorAtSeat()
    const bad = Array.from({ length: 500 }, (_, index) => ({ ...waybillScript, scriptId: `scenario.bad-${index}`, body: { 'zh-CN': '{nope}', en: '{nope}' } }))
    const result = await seat.send('scriptsImport', { json: importFile(bad) })
    if (result.ok) throw new Error('import should be refused')
    expect(result.error.params?.count).toBe(500)
    expect(String(result.error.params?.details).length).toBeLessThanOrEqual(4_000)
    expect(Number(result.error.params?.listed)).toBeGreaterThan(10)
  })

  it('refuses a file that is not JSON or not a script library', async () => {
    seat = await supervisorAtSeat()
    expect(await seat.send('scriptsImport', { json: '{"format": "seatdesk-scripts/v1", ' })).toMatchObject({ error: { code: 'scriptsImportInvalid', params: { file: 'notJson', count: 0 } } })
    expect(await seat.send('scriptsImport', { json: '{"format": "other", "scripts": []}' })).toMatchObject({ error: { params: { file: 'unknownFormat' } } })
    expect(await seat.send('scriptsImport', { json: importFile(Array.from({ length: 1001 }, () => waybillScript)) })).toMatchObject({ error: { params: { file: 'tooManyScripts' } } })
  })

  it('refuses an import that would leave no closing script', async () => {
    seat = await supervisorAtSeat()
    const result = await seat.send('scriptsImport', { json: importFile([{ ...seed('closing.standard'), category: 'scenario' }]) })
    expect(result).toEqual({ ok: false, error: { code: 'lastCallScript', params: { category: 'closing' } } })
  })
})
