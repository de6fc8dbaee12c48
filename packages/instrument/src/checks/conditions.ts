import { answerCodes, locateItem } from '../definition-index';
import type { QuestionnaireDefinition } from '../schema';
import { itemEntries } from './item-entries';
import { describeCodes, type Report } from './report';

/**
 * Conditions point backwards only: that keeps the survey free of cycles, lets a renderer decide visibility as the
 * respondent goes, and lets visibleItemIds() settle chains in one pass.
 */
export function checkConditions(definition: QuestionnaireDefinition, report: Report): void {
  for (const { item, path, position } of itemEntries(definition)) {
    const condition = item.condition;
    if (condition === undefined) continue;
    const conditionPath = [...path, 'condition'];
    const target = locateItem(definition, condition.itemId);

    if (target === undefined) {
      report([...conditionPath, 'itemId'], `condition refers to unknown item '${condition.itemId}'`);
      continue;
    }
    if (target.item === item || condition.itemId === item.id) {
      report([...conditionPath, 'itemId'], 'condition refers to the item itself (conditions may only refer to earlier items)');
      continue;
    }
    if (target.position > position) {
      report(
        [...conditionPath, 'itemId'],
        `condition refers to item '${condition.itemId}' which comes later (conditions may only refer to earlier items)`,
      );
      continue;
    }
    if (target.item.type === 'free-text') {
      report(
        [...conditionPath, 'itemId'],
        `condition refers to free-text item '${condition.itemId}' (conditions need an item with fixed answers)`,
      );
      continue;
    }
    const codes = answerCodes(definition, target.item);
    // No codes means the target's response scale is unknown, which checkItems reports; listing every value here
    // would bury that one cause.
    if (codes.length === 0) continue;
    condition.anyOf.forEach((code, k) => {
      if (!codes.includes(code)) {
        report(
          [...conditionPath, 'anyOf', k],
          `condition refers to answer ${code}, which item '${condition.itemId}' does not have (its answers are ${describeCodes(codes)})`,
        );
      }
    });
  }
}
