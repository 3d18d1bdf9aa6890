import { z } from 'zod'
import { duplicateHotkeys, hotkeyProblem } from './hotkeys'

// The call-handling numbers a supervisor sets (DOMAIN.md: every number is a default).
// 002 呼叫中心工作标准: 受理时间低于3分钟/次 — the target; the warning point gives the agent time to close.
const hotkey = z.string().trim().min(1).max(32)

export const callHotkeyActions = ['answer', 'greetingSaid', 'hangUp', 'closingSaid', 'wrapUpDone', 'phrasePalette'] as const
export type CallHotkeyAction = (typeof callHotkeyActions)[number]

export const overTargetReasonSchema = z.strictObject({
  id: z.string().min(1).max(40).regex(/^[a-z0-9-]+$/),
  label: z.strictObject({ 'zh-CN': z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(60) }),
})
export type OverTargetReason = z.infer<typeof overTargetReasonSchema>

export const callSettingsSchema = z
  .strictObject({
    targetSeconds: z.number().int().min(30).max(1800),
    warningSeconds: z.number().int().min(10).max(1800),
    overTargetReasons: z.array(overTargetReasonSchema).min(1).max(30),
    hotkeys: z.strictObject(
      Object.fromEntries(callHotkeyActions.map((action) => [action, hotkey])) as Record<CallHotkeyAction, typeof hotkey>,
    ),
    /** A short tone when the warning point and the target are crossed. */
    sound: z.boolean(),
  })
  .refine((settings) => settings.warningSeconds < settings.targetSeconds, {
    path: ['warningSeconds'],
    error: 'warningBeforeTarget',
  })
  // A call record names its reason by id, so two reasons with one id would make it ambiguous.
  .refine((settings) => new Set(settings.overTargetReasons.map((reason) => reason.id)).size === settings.overTargetReasons.length, {
    path: ['overTargetReasons'],
    error: 'duplicateReasonId',
  })
export type CallSettings = z.infer<typeof callSettingsSchema>

/**
 * What a supervisor may save: the stored shape plus the hotkey rules. The rules live here, not in
 * `callSettingsSchema`, because that schema also checks `callSettings.changed` entries already in
 * the journal, and a rule added later must never make an old, valid journal fail verification.
 */
export const callSettingsUpdateSchema = callSettingsSchema.superRefine((settings, context) => {
  for (const [action, text] of Object.entries(settings.hotkeys)) {
    const problem = hotkeyProblem(text)
    if (problem) context.addIssue({ code: 'custom', path: ['hotkeys', action], message: problem })
  }
  for (const action of duplicateHotkeys(settings.hotkeys)) {
    context.addIssue({ code: 'custom', path: ['hotkeys', action], message: 'hotkeyDuplicate' })
  }
})

export const defaultCallSettings: CallSettings = {
  targetSeconds: 180,
  warningSeconds: 150,
  overTargetReasons: [
    { id: 'complex-request', label: { 'zh-CN': '业务复杂', en: 'Complex request' } },
    { id: 'system-slow', label: { 'zh-CN': '系统缓慢', en: 'System slow' } },
    { id: 'customer-chat', label: { 'zh-CN': '客户闲聊', en: 'Customer chatting' } },
    { id: 'waiting-branch', label: { 'zh-CN': '等待分公司核实', en: 'Waiting for the branch to check' } },
    { id: 'other', label: { 'zh-CN': '其他', en: 'Other' } },
  ],
  hotkeys: {
    answer: 'F2',
    greetingSaid: 'F3',
    hangUp: 'F4',
    closingSaid: 'F6',
    wrapUpDone: 'F8',
    phrasePalette: 'mod+K',
  },
  sound: false,
}
