import type { Path } from '../issues';
import type { Item, QuestionnaireDefinition } from '../schema';

export interface ItemEntry {
  item: Item;
  path: Path;
  /** Index in the whole questionnaire, across sections. */
  position: number;
}

/** Every item with its path, duplicates included (validation must see them all). */
export function itemEntries(definition: QuestionnaireDefinition): ItemEntry[] {
  const entries: ItemEntry[] = [];
  definition.sections.forEach((section, i) =>
    section.items.forEach((item, j) => entries.push({ item, path: ['sections', i, 'items', j], position: entries.length })),
  );
  return entries;
}
