import type { ScriptInput } from './scripts'

// The scripts every seat starts with, from the seeds: 000 "您好, xxx物流 … 再见", 001 "您好, 我是佳途物流客服***,
// 为您服务 … 打扰您了,祝您生活愉快,再见", 001 篇4 r8 (tracking callback), and the 004 standard phrases.
// Supervisors edit them like any other script; each publish is a new version in the journal.
export const seedScripts: ScriptInput[] = [
  {
    scriptId: 'greeting.standard',
    category: 'greeting',
    phraseKind: null,
    title: { 'zh-CN': '标准问候', en: 'Standard greeting' },
    body: {
      'zh-CN': '您好，{company}！我是客服{agentName}，工号{agentNo}，很高兴为您服务！',
      en: 'Hello, {company}! This is {agentName}, agent number {agentNo}. How may I help you?',
    },
  },
  {
    scriptId: 'closing.standard',
    category: 'closing',
    phraseKind: null,
    title: { 'zh-CN': '标准结束语', en: 'Standard closing' },
    body: {
      'zh-CN': '打扰您了，祝您生活愉快，再见！',
      en: 'Thank you for your time. Have a good day, goodbye!',
    },
  },
  {
    scriptId: 'scenario.tracking-received',
    category: 'scenario',
    phraseKind: null,
    title: { 'zh-CN': '回访：已签收且已收到', en: 'Callback: signed for and received' },
    body: {
      'zh-CN': '好的，您以后在收货途中出现问题，建议直接拨打我们客服电话，我们第一时间帮您处理，打扰您了，祝您生活愉快，再见！',
      en: 'Good. If anything goes wrong with a delivery in future, call our service line directly and we will handle it right away. Thank you for your time, have a good day, goodbye!',
    },
  },
  {
    scriptId: 'scenario.tracking-not-received',
    category: 'scenario',
    phraseKind: null,
    title: { 'zh-CN': '回访：显示签收但未收到', en: 'Callback: shown as signed but not received' },
    body: {
      'zh-CN': '不好意思，我现在帮您落实运单{waybillNo}的货物到站情况，落实完之后会以短信形式回复您，打扰您了，祝您生活愉快，再见！',
      en: 'I am sorry. I will check where waybill {waybillNo} has arrived and reply to you by text message once I know. Thank you for your time, have a good day, goodbye!',
    },
  },
  {
    scriptId: 'scenario.please-wait',
    category: 'scenario',
    phraseKind: null,
    title: { 'zh-CN': '请稍候（查询中）', en: 'Please hold (checking)' },
    body: {
      'zh-CN': '请您稍等，我马上为您查询运单{waybillNo}的情况。',
      en: 'Please hold a moment while I check waybill {waybillNo} for you.',
    },
  },
  {
    scriptId: 'scenario.apology',
    category: 'scenario',
    phraseKind: null,
    title: { 'zh-CN': '致歉', en: 'Apology' },
    body: {
      'zh-CN': '对不起，给您带来不便，请您谅解！我们会尽快为您处理，并第一时间回复您。',
      en: 'I am sorry for the trouble this has caused. We will deal with it as quickly as we can and get back to you first thing.',
    },
  },
  {
    scriptId: 'scenario.overcharge-apology',
    category: 'scenario',
    phraseKind: null,
    title: { 'zh-CN': '多收运费致歉', en: 'Overcharge apology' },
    body: {
      'zh-CN': '非常抱歉多收了您{amount}元运费，我们会在2小时内为您处理退还，请您谅解。',
      en: 'We are very sorry for overcharging you {amount} yuan in freight. We will refund it within 2 hours.',
    },
  },
  ...phrases(),
]

function phrases(): ScriptInput[] {
  const table: [ScriptInput['phraseKind'] & string, string, string, string][] = [
    ['greeting', 'hello', '您好！', 'Hello!'],
    ['greeting', 'good-morning', '早上好！', 'Good morning!'],
    ['congratulation', 'happy-holiday', '节日快乐！', 'Happy holidays!'],
    ['congratulation', 'good-journey', '一路顺风！', 'Have a good journey!'],
    ['welcome', 'welcome', '欢迎！欢迎光临！', 'Welcome!'],
    ['apology', 'sorry', '对不起！请原谅！', 'I am sorry, please forgive us!'],
    ['apology', 'understanding', '请谅解！', 'Thank you for your understanding!'],
    ['request', 'please-wait', '请稍候！请稍等！', 'Please hold on a moment!'],
    ['request', 'please-help', '请关照！', 'We appreciate your support!'],
    ['thanks', 'thank-you', '谢谢！', 'Thank you!'],
    ['thanks', 'thanks-for-correction', '多谢指正！', 'Thank you for pointing that out!'],
    ['farewell', 'goodbye', '再见！', 'Goodbye!'],
    ['farewell', 'good-night', '晚安！', 'Good night!'],
  ]
  return table.map(([phraseKind, id, zh, en]) => ({
    scriptId: `phrase.${id}`,
    category: 'phrase',
    phraseKind,
    title: { 'zh-CN': zh.replace(/！.*$/, ''), en: en.replace(/[!,].*$/, '') },
    body: { 'zh-CN': zh, en },
  }))
}
