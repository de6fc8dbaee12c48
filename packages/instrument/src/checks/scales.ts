import { findItem, findResponseScale } from '../definition-index';
import { isScaledItem, type QuestionnaireDefinition } from '../schema';
import { compareVersions } from '../semver';
import type { Report } from './report';

/** A scale score is a mean of comparable answers, so its items must exist, be scaled and share one response scale. */
export function checkScales(definition: QuestionnaireDefinition, report: Report): void {
  const owner = new Map<string, string>();

  definition.scales.forEach((scale, i) => {
    const path = ['scales', i];
    const inThisScale = new Set<string>();
    let sharedResponseScale: { itemId: string; responseScaleId: string } | undefined;
    let holdsSensitive: string | undefined;

    scale.itemIds.forEach((itemId, k) => {
      const itemPath = [...path, 'itemIds', k];
      if (inThisScale.has(itemId)) {
        report(itemPath, `item '${itemId}' is listed twice in this scale`);
        return;
      }
      inThisScale.add(itemId);

      const item = findItem(definition, itemId);
      if (item === undefined) {
        report(itemPath, `scale refers to unknown item '${itemId}'`);
        return;
      }
      const otherScale = owner.get(itemId);
      if (otherScale !== undefined) {
        report(itemPath, `item '${itemId}' already belongs to scale '${otherScale}' (an item belongs to one scale at most)`);
      } else {
        owner.set(itemId, scale.id);
      }
      if (!isScaledItem(item)) {
        report(itemPath, `item '${itemId}' is a ${item.type} item; scales hold likert-5, frequency or rating-0-10 items`);
        return;
      }
      // An unknown response scale is reported at the item by checkItems; comparing it with its neighbours adds nothing.
      const knownResponseScale = findResponseScale(definition, item.responseScaleId) !== undefined;
      if (knownResponseScale && sharedResponseScale === undefined) {
        sharedResponseScale = { itemId, responseScaleId: item.responseScaleId };
      } else if (knownResponseScale && sharedResponseScale !== undefined && item.responseScaleId !== sharedResponseScale.responseScaleId) {
        report(
          itemPath,
          `item '${itemId}' uses response scale '${item.responseScaleId}' but '${sharedResponseScale.itemId}' uses '${sharedResponseScale.responseScaleId}' (items of a scale share one response scale)`,
        );
      }
      if (scale.scoring === 'prevalence') {
        if (item.type !== 'frequency') report(itemPath, `prevalence scoring needs frequency items; '${itemId}' is a ${item.type} item`);
        if (item.reverse) report(itemPath, `item '${itemId}' is reverse-keyed, which prevalence scales do not use`);
      }
      if (holdsSensitive === undefined && (item.sensitive || item.behaviour !== undefined)) holdsSensitive = itemId;
    });

    if (holdsSensitive !== undefined && !scale.sensitive) {
      report([...path, 'sensitive'], `scale holds sensitive item '${holdsSensitive}', so the scale must be marked sensitive too`);
    }
    if (scale.riskBands.low >= scale.riskBands.high) {
      report(
        [...path, 'riskBands'],
        `risk-band cut-offs must be ordered: low (${scale.riskBands.low}) must be below high (${scale.riskBands.high})`,
      );
    }
    if (scale.comparableTo !== undefined && compareVersions(scale.comparableTo.version, definition.version) >= 0) {
      report(
        [...path, 'comparableTo', 'version'],
        `comparableTo refers to version ${scale.comparableTo.version}, which is not earlier than this version ${definition.version}`,
      );
    }
  });
}
