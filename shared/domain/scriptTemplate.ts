// Scripts carry `{variable}` placeholders (DOMAIN.md: company, agent number and name, customer name,
// waybill number). `{{` and `}}` write a literal brace. A script is checked when it is saved, so an
// unknown name never reaches an agent, and a value the app cannot fill is asked for before the script
// is shown — never left as a blank or a raw `{placeholder}`.
export const scriptVariables = ['company', 'agentNo', 'agentName', 'customerName', 'waybillNo', 'amount'] as const
export type ScriptVariable = (typeof scriptVariables)[number]

/** Filled from the seat and the signed-in agent; the others come from the call. */
export const automaticVariables: readonly ScriptVariable[] = ['company', 'agentNo', 'agentName']

export type TemplatePart = { text: string } | { variable: string }

export type TemplateProblem =
  | { problem: 'unknownVariable'; name: string }
  | { problem: 'unclosedBrace'; at: number }
  | { problem: 'strayClosingBrace'; at: number }
  | { problem: 'emptyPlaceholder'; at: number }

export function parseTemplate(template: string): { parts: TemplatePart[]; problems: TemplateProblem[] } {
  const parts: TemplatePart[] = []
  const problems: TemplateProblem[] = []
  let text = ''
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]
    const next = template[i + 1]
    if (ch === '{' && next === '{') {
      text += '{'
      i++
    } else if (ch === '}' && next === '}') {
      text += '}'
      i++
    } else if (ch === '{') {
      const close = template.indexOf('}', i + 1)
      if (close === -1) {
        problems.push({ problem: 'unclosedBrace', at: i })
        text += template.slice(i)
        break
      }
      const name = template.slice(i + 1, close).trim()
      if (!name) problems.push({ problem: 'emptyPlaceholder', at: i })
      else {
        if (!(scriptVariables as readonly string[]).includes(name)) problems.push({ problem: 'unknownVariable', name })
        if (text) parts.push({ text })
        text = ''
        parts.push({ variable: name })
      }
      i = close
    } else if (ch === '}') {
      problems.push({ problem: 'strayClosingBrace', at: i })
      text += ch
    } else {
      text += ch
    }
  }
  if (text) parts.push({ text })
  return { parts, problems }
}

/** The distinct variables a template uses, in order of first use. */
export function templateVariables(template: string): string[] {
  const names = parseTemplate(template).parts.flatMap((part) => ('variable' in part ? [part.variable] : []))
  return [...new Set(names)]
}

export type FillResult = { complete: true; text: string } | { complete: false; missing: string[] }

/** Fills every placeholder, or names the ones still without a value (blank counts as missing). */
export function fillTemplate(template: string, values: Partial<Record<string, string>>): FillResult {
  const { parts } = parseTemplate(template)
  const missing = [
    ...new Set(
      parts.flatMap((part) => ('variable' in part && !values[part.variable]?.trim() ? [part.variable] : [])),
    ),
  ]
  if (missing.length) return { complete: false, missing }
  return { complete: true, text: parts.map((part) => ('variable' in part ? (values[part.variable] ?? '').trim() : part.text)).join('') }
}
