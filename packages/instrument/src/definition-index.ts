import {
  isScaledItem,
  type Item,
  type QuestionnaireDefinition,
  type ResponseScale,
  type Scale,
  type ScaledItem,
  type Section,
} from './schema';

/** Where an item sits: its section, its index in that section and its position in the whole questionnaire. */
export interface ItemLocation {
  item: Item;
  section: Section;
  sectionIndex: number;
  itemIndex: number;
  position: number;
}

interface QuestionnaireIndex {
  order: Item[];
  items: Map<string, ItemLocation>;
  scales: Map<string, Scale>;
  responseScales: Map<string, ResponseScale>;
  scaleOfItem: Map<string, Scale>;
  /** The codes each item accepts, made on first use (see isAnswerCode). */
  codes: Map<Item, ReadonlySet<number>>;
}

// Scorers look items up once per answer, so the index is built once per definition object. Definitions are treated
// as immutable once parsed; a changed copy is a new object and gets its own index.
const cache = new WeakMap<QuestionnaireDefinition, QuestionnaireIndex>();

function indexOf(definition: QuestionnaireDefinition): QuestionnaireIndex {
  const cached = cache.get(definition);
  if (cached !== undefined) return cached;
  const index: QuestionnaireIndex = {
    order: [],
    items: new Map(),
    scales: new Map(),
    responseScales: new Map(),
    scaleOfItem: new Map(),
    codes: new Map(),
  };
  // First occurrence wins everywhere, so that the index is usable on definitions that still have duplicate ids.
  definition.sections.forEach((section, sectionIndex) => {
    section.items.forEach((item, itemIndex) => {
      if (!index.items.has(item.id)) {
        index.items.set(item.id, { item, section, sectionIndex, itemIndex, position: index.order.length });
      }
      index.order.push(item);
    });
  });
  for (const scale of definition.scales) {
    if (!index.scales.has(scale.id)) index.scales.set(scale.id, scale);
    for (const itemId of scale.itemIds) {
      if (!index.scaleOfItem.has(itemId)) index.scaleOfItem.set(itemId, scale);
    }
  }
  for (const responseScale of definition.responseScales) {
    if (!index.responseScales.has(responseScale.id)) index.responseScales.set(responseScale.id, responseScale);
  }
  cache.set(definition, index);
  return index;
}

/** All items in the order a respondent meets them, across sections. */
export function itemsInOrder(definition: QuestionnaireDefinition): readonly Item[] {
  return indexOf(definition).order;
}

export function findItem(definition: QuestionnaireDefinition, itemId: string): Item | undefined {
  return indexOf(definition).items.get(itemId)?.item;
}

export function locateItem(definition: QuestionnaireDefinition, itemId: string): ItemLocation | undefined {
  return indexOf(definition).items.get(itemId);
}

export function findScale(definition: QuestionnaireDefinition, scaleId: string): Scale | undefined {
  return indexOf(definition).scales.get(scaleId);
}

export function findResponseScale(definition: QuestionnaireDefinition, id: string): ResponseScale | undefined {
  return indexOf(definition).responseScales.get(id);
}

/** The scale an item belongs to (an item belongs to at most one). */
export function scaleOfItem(definition: QuestionnaireDefinition, itemId: string): Scale | undefined {
  return indexOf(definition).scaleOfItem.get(itemId);
}

/** The items of a scale, in the scale's order. Unknown or non-scaled ids (only in invalid definitions) are skipped. */
export function scaleItems(definition: QuestionnaireDefinition, scale: Scale): ScaledItem[] {
  const items: ScaledItem[] = [];
  for (const itemId of scale.itemIds) {
    const item = findItem(definition, itemId);
    if (item !== undefined && isScaledItem(item)) items.push(item);
  }
  return items;
}

/** The answer codes an item accepts (without "don't know"); empty for free text. */
export function answerCodes(definition: QuestionnaireDefinition, item: Item): number[] {
  if (isScaledItem(item)) return findResponseScale(definition, item.responseScaleId)?.options.map((o) => o.value) ?? [];
  if (item.type === 'free-text') return [];
  return item.options.map((o) => o.value);
}

/**
 * Whether `code` is one of the item's answer codes (answerCodes). The server checks every answer of every submission
 * this way, so each item's codes are kept as a set instead of being listed again per answer.
 */
export function isAnswerCode(definition: QuestionnaireDefinition, item: Item, code: unknown): boolean {
  const index = indexOf(definition);
  let codes = index.codes.get(item);
  if (codes === undefined) {
    codes = new Set(answerCodes(definition, item));
    index.codes.set(item, codes);
  }
  return codes.has(code as number);
}

/** Lowest and highest code of a scaled item, the min and max of reverse keying and the 0-100 transform. */
export function itemRange(definition: QuestionnaireDefinition, item: ScaledItem): { min: number; max: number } | undefined {
  const codes = answerCodes(definition, item);
  if (codes.length === 0) return undefined;
  return { min: Math.min(...codes), max: Math.max(...codes) };
}

/** Sensitive items fall under k_sensitive: flagged themselves, or part of a sensitive scale. */
export function isSensitiveItem(definition: QuestionnaireDefinition, itemId: string): boolean {
  const item = findItem(definition, itemId);
  if (item === undefined) return false;
  return item.sensitive || scaleOfItem(definition, itemId)?.sensitive === true;
}

/** Scaled items that belong to no scale (such as the overall 0-10 grade): reported item by item. */
export function standaloneItems(definition: QuestionnaireDefinition): ScaledItem[] {
  return itemsInOrder(definition).filter(
    (item): item is ScaledItem => isScaledItem(item) && scaleOfItem(definition, item.id) === undefined,
  );
}
