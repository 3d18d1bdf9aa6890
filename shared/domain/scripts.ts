import { z } from 'zod'
import { parseTemplate, type TemplateProblem } from './scriptTemplate'

// The script library (DOMAIN.md "Standard phrases"): greeting and closing scripts spoken word for
// word, scenario scripts (001 篇4 r8), and the standard phrases of 004 grouped by kind.
export const scriptCategories = ['greeting', 'closing', 'scenario', 'phrase'] as const
export const scriptCategorySchema = z.enum(scriptCategories)
export type ScriptCategory = z.infer<typeof scriptCategorySchema>

/** 004 标准用语: 问候, 祝贺, 欢迎, 致歉, 祈请, 致谢, 辞别. */
export const phraseKinds = ['greeting', 'congratulation', 'welcome', 'apology', 'request', 'thanks', 'farewell'] as const
export const phraseKindSchema = z.enum(phraseKinds)
export type PhraseKind = z.infer<typeof phraseKindSchema>

export const scriptIdSchema = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9.-]*$/, { error: 'scriptId' })

const localized = (max: number) =>
  z.strictObject({ 'zh-CN': z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) })

export const scriptInputSchema = z.strictObject({
  scriptId: scriptIdSchema,
  category: scriptCategorySchema,
  /** Only phrases have a kind. */
  phraseKind: phraseKindSchema.nullable(),
  title: localized(60),
  body: localized(1000),
})
export type ScriptInput = z.infer<typeof scriptInputSchema>

export const scriptRefSchema = z.strictObject({ scriptId: scriptIdSchema, version: z.number().int().positive().max(1_000_000) })
export type ScriptRef = z.infer<typeof scriptRefSchema>

export const publishedScriptSchema = scriptInputSchema.extend({ version: z.number().int().positive().max(1_000_000) })
export type PublishedScript = z.infer<typeof publishedScriptSchema>

export type ScriptProblem =
  | { field: 'phraseKind'; problem: 'phraseKindRequired' | 'phraseKindOnlyForPhrases' }
  | ({ field: 'body.zh-CN' | 'body.en' } & TemplateProblem)

/** Checks what a schema cannot: placeholders against the known variables, and the phrase kind rule. */
export function scriptProblems(script: ScriptInput): ScriptProblem[] {
  const problems: ScriptProblem[] = []
  if (script.category === 'phrase' && !script.phraseKind) problems.push({ field: 'phraseKind', problem: 'phraseKindRequired' })
  if (script.category !== 'phrase' && script.phraseKind) problems.push({ field: 'phraseKind', problem: 'phraseKindOnlyForPhrases' })
  for (const language of ['zh-CN', 'en'] as const) {
    for (const problem of parseTemplate(script.body[language]).problems) problems.push({ field: `body.${language}`, ...problem })
  }
  return problems
}

/** The JSON a supervisor exports and imports: a version tag and the scripts. */
export const scriptExportSchema = z.strictObject({
  format: z.literal('seatdesk-scripts/v1'),
  scripts: z.array(z.unknown()).max(1000),
})
