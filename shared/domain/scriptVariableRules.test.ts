import { checkScriptVariable } from './scriptVariableRules'

describe('script variable rules', () => {
  it.each([
    ['amount', '12', { ok: true, value: '12' }],
    ['amount', ' 12.50 ', { ok: true, value: '12.50' }],
    ['amount', '0.01', { ok: true, value: '0.01' }],
    ['amount', 'abc', { ok: false, problem: 'amountFormat' }],
    ['amount', '0', { ok: false, problem: 'amountFormat' }],
    ['amount', '-5', { ok: false, problem: 'amountFormat' }],
    ['amount', '1.234', { ok: false, problem: 'amountFormat' }],
    ['amount', '1e3', { ok: false, problem: 'amountFormat' }],
    ['waybillNo', 'sd20261123', { ok: true, value: 'SD20261123' }],
    ['waybillNo', 'SD-1', { ok: false, problem: 'waybillNo' }],
    ['waybillNo', '12345', { ok: false, problem: 'waybillNo' }],
    ['customerName', '王先生', { ok: true, value: '王先生' }],
    ['customerName', '王'.repeat(41), { ok: false, problem: 'customerNameLength' }],
    ['amount', '   ', { ok: false, problem: 'required' }],
  ])('%s %j', (name, typed, expected) => {
    expect(checkScriptVariable(name, typed)).toEqual(expected)
  })
})
