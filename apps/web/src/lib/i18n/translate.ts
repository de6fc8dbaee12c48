import { en, type MessageKey } from './en';
import { nl } from './nl';

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

const catalogues: Record<Language, Record<MessageKey, string>> = { nl, en };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Looks up a message and fills `{name}` placeholders; an unknown placeholder is left visible so it gets noticed. */
export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Keys that come in a `.one` and an `.other` form (Dutch and English pluralise alike). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

/** A message about `count` things, in the singular or plural form; `{count}` is filled in. */
export function translatePlural(language: Language, key: PluralKey, count: number, params: Record<string, string | number> = {}): string {
  const form = count === 1 ? 'one' : 'other';
  return translate(language, `${key}.${form}` as MessageKey, { count, ...params });
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export { catalogues };
export type { MessageKey };
