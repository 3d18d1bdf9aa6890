import { waybillNoSchema } from './tickets/fields'

// Values an agent types into a script's inline field are spoken to the customer word for word, so
// each variable has a rule: "多收您abc元运费" must never reach the screen.
export type ScriptVariableProblem = 'required' | 'amountFormat' | 'waybillNo' | 'customerNameLength'

export type ScriptVariableResult = { ok: true; value: string } | { ok: false; problem: ScriptVariableProblem }

/** A positive amount in yuan with at most two decimals ("12", "12.5", "0.01"). */
const AMOUNT = /^(?:0|[1-9]\d{0,8})(?:\.\d{1,2})?$/
const CUSTOMER_NAME_MAX = 40

/** Checks a typed value and gives the text to show: trimmed, a waybill number upper-cased. */
export function checkScriptVariable(name: string, typed: string): ScriptVariableResult {
  const value = typed.trim()
  if (!value) return { ok: false, problem: 'required' }
  switch (name) {
    case 'amount':
      return AMOUNT.test(value) && Number(value) > 0 ? { ok: true, value } : { ok: false, problem: 'amountFormat' }
    case 'waybillNo': {
      const parsed = waybillNoSchema.safeParse(value)
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: 'waybillNo' }
    }
    case 'customerName':
      return [...value].length <= CUSTOMER_NAME_MAX ? { ok: true, value } : { ok: false, problem: 'customerNameLength' }
    default:
      return { ok: true, value }
  }
}
