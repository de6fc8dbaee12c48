import { itemRange, scaleItems, type QuestionnaireDefinition, type Scale } from '@socialsafety/instrument';

/**
 * The response range of a scale: the lowest and highest code its items share. It anchors the 0-100 transform and
 * the "above its lowest value" of prevalence scales. validateQuestionnaire already requires one shared response
 * scale; scoring checks again because a mixed scale would give a score in no particular unit.
 *
 * Cost: O(items of the scale).
 *
 * @throws {Error} if the scale has no scaled items, an item's response scale is unknown or has a single code,
 *   the items' ranges differ, or a prevalence scale holds a reverse-keyed item
 */
export function scaleRange(definition: QuestionnaireDefinition, scale: Scale): { min: number; max: number } {
  const items = scaleItems(definition, scale);
  if (items.length !== scale.itemIds.length) {
    throw new Error(`cannot score scale '${scale.id}': it refers to items that are missing or not scaled`);
  }
  let range: { min: number; max: number } | undefined;
  for (const item of items) {
    const own = itemRange(definition, item);
    if (own === undefined) {
      throw new Error(`cannot score scale '${scale.id}': item '${item.id}' has an unknown response scale`);
    }
    if (!(own.min < own.max)) {
      throw new Error(`cannot score scale '${scale.id}': item '${item.id}' has a single answer code`);
    }
    if (range !== undefined && (own.min !== range.min || own.max !== range.max)) {
      throw new Error(`cannot score scale '${scale.id}': its items do not share one response range`);
    }
    if (scale.scoring === 'prevalence' && item.reverse) {
      throw new Error(`cannot score scale '${scale.id}': prevalence item '${item.id}' is reverse-keyed`);
    }
    range = own;
  }
  if (range === undefined) throw new Error(`cannot score scale '${scale.id}': it has no items`);
  return range;
}
