import type { Locale } from './i18n/locale.svelte';
import { catalogues, type MessageKey } from './i18n/translate';
import type { BehaviourIndicator, BehaviourRow } from './results';

const PREFIX: Record<BehaviourIndicator['group'], string> = {
  any: 'behaviour.category',
  category: 'behaviour.category',
  source: 'behaviour.source',
  side: 'behaviour.side',
  reported: 'behaviour.reported',
  reportedTo: 'behaviour.reportedTo',
  handling: 'behaviour.handling',
};

/** The name of an indicator; a code this version of the app does not know yet is shown as it is. */
export function indicatorLabel(locale: Pick<Locale, 't'>, indicator: Pick<BehaviourIndicator, 'group' | 'code'>): string {
  const key = `${PREFIX[indicator.group]}.${indicator.code}`;
  return key in catalogues.en ? locale.t(key as MessageKey) : indicator.code;
}

/** Kinds of behaviour with the experienced and the witnessed indicator side by side ("any" first). */
export function categoryPairs(indicators: readonly BehaviourIndicator[]): { code: string; group: 'any' | 'category'; experienced?: string; witnessed?: string }[] {
  const pairs = new Map<string, { code: string; group: 'any' | 'category'; experienced?: string; witnessed?: string }>();
  for (const indicator of indicators) {
    if (indicator.group !== 'any' && indicator.group !== 'category') continue;
    const pair = pairs.get(indicator.code) ?? { code: indicator.code, group: indicator.group };
    pair[indicator.mode] = indicator.key;
    pairs.set(indicator.code, pair);
  }
  return [...pairs.values()];
}

export const inGroups = (indicators: readonly BehaviourIndicator[], ...groups: BehaviourIndicator['group'][]) =>
  indicators.filter((i) => groups.includes(i.group));

/** True when nothing about this unit's behaviour may be shown. */
export const allHidden = (row: BehaviourRow | undefined) => row === undefined || Object.values(row.figures).every((f) => 'hidden' in f);
