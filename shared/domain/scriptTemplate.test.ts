import { describe, expect, it } from 'vitest'
import { fillTemplate, parseTemplate, templateVariables } from './scriptTemplate'

describe('parseTemplate', () => {
  it('splits text and known variables', () => {
    expect(parseTemplate('您好，{company}！我是{agentName}')).toEqual({
      parts: [{ text: '您好，' }, { variable: 'company' }, { text: '！我是' }, { variable: 'agentName' }],
      problems: [],
    })
  })

  it('names an unknown variable', () => {
    expect(parseTemplate('运单{waybill}').problems).toEqual([{ problem: 'unknownVariable', name: 'waybill' }])
  })

  it('writes literal braces for {{ and }}', () => {
    expect(parseTemplate('{{company}} is {company}')).toEqual({
      parts: [{ text: '{company} is ' }, { variable: 'company' }],
      problems: [],
    })
  })

  it('reports an unclosed brace, a stray closing brace and an empty placeholder with their positions', () => {
    expect(parseTemplate('您好 {company').problems).toEqual([{ problem: 'unclosedBrace', at: 3 }])
    expect(parseTemplate('a } b').problems).toEqual([{ problem: 'strayClosingBrace', at: 2 }])
    expect(parseTemplate('a { } b').problems).toEqual([{ problem: 'emptyPlaceholder', at: 2 }])
  })

  it('lists each variable once in order of first use', () => {
    expect(templateVariables('{agentName} {company} {agentName} {{x}}')).toEqual(['agentName', 'company'])
  })
})

describe('fillTemplate', () => {
  const greeting = '您好，{company}！我是客服{agentName}，工号{agentNo}。'

  it('fills every placeholder', () => {
    expect(fillTemplate(greeting, { company: '佳途物流', agentName: '张伟', agentNo: 'A001' })).toEqual({
      complete: true,
      text: '您好，佳途物流！我是客服张伟，工号A001。',
    })
  })

  it('names missing values (blank counts as missing) instead of leaving a raw placeholder', () => {
    expect(fillTemplate(greeting, { company: '佳途物流', agentName: '  ' })).toEqual({ complete: false, missing: ['agentName', 'agentNo'] })
  })

  it('keeps escaped braces literal when filling', () => {
    expect(fillTemplate('{{amount}}={amount}元', { amount: '12' })).toEqual({ complete: true, text: '{amount}=12元' })
  })
})
