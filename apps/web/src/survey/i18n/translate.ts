import { en, type MessageKey } from './en';
import { nl } from './nl';

/** Languages the survey's own texts (buttons, messages) exist in; the questionnaire may offer others. */
export const uiLanguages = ['nl', 'en'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

export const catalogues: Record<UiLanguage, Record<MessageKey, string>> = { nl, en };

/** Each language named in itself, so that a person who cannot read the current one still finds theirs. */
const ownNames: Record<string, string> = { nl: 'Nederlands', en: 'English', de: 'Deutsch', fr: 'Français' };
export const languageName = (code: string): string => ownNames[code] ?? code.toUpperCase();

/** The texts for a questionnaire language: its own where the survey has them, English otherwise. */
export function uiLanguageFor(language: string): UiLanguage {
  return (uiLanguages as readonly string[]).includes(language) ? (language as UiLanguage) : 'en';
}

/** Keys that come in a `.one` and an `.other` form (Dutch and English pluralise alike). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

export type Params = Record<string, string | number>;

/** A message with its `{name}` placeholders filled; an unknown placeholder stays visible so that it gets noticed. */
export function translate(language: UiLanguage, key: MessageKey, params: Params = {}): string {
  return catalogues[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translatePlural(language: UiLanguage, key: PluralKey, count: number, params: Params = {}): string {
  return translate(language, `${key}.${count === 1 ? 'one' : 'other'}` as MessageKey, { count, ...params });
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export type { MessageKey };
