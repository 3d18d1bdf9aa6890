import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import zhCN from './zh-CN.json'

export const languages = ['zh-CN', 'en'] as const
export type Language = (typeof languages)[number]
const LANGUAGE_KEY = 'seatdesk.language'

/**
 * The language chosen on this machine; before any choice, English for an English system
 * (navigator.language en, en-US, …) and zh-CN for everything else.
 */
export function initialLanguage(stored: string | null, systemLanguage: string | undefined): Language {
  const chosen = languages.find((language) => language === stored)
  if (chosen) return chosen
  return systemLanguage?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'
}

/** One i18next instance for the app; zh-CN unless the user chose English (or the system is English). */
export const i18n = i18next.createInstance()
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLanguage(window.localStorage.getItem(LANGUAGE_KEY), window.navigator.language),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  initAsync: false,
})
document.documentElement.lang = i18n.language

export function changeLanguage(language: Language): void {
  window.localStorage.setItem(LANGUAGE_KEY, language)
  document.documentElement.lang = language
  void i18n.changeLanguage(language)
}
