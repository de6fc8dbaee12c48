import { itemsInOrder, scaleOfItem } from './definition-index';
import type {
  BehaviourCategory,
  BehaviourMode,
  ChoiceItem,
  FollowUpRole,
  QuestionnaireDefinition,
  Scale,
  ScaledItem,
  SourceKind,
} from './schema';

/** A behaviour frequency item with everything the prevalence tables need. */
export interface BehaviourItem {
  item: ScaledItem;
  category: BehaviourCategory;
  mode: BehaviourMode;
  scale: Scale | undefined;
  followUps: Partial<Record<FollowUpRole, ChoiceItem>>;
}

/** The behaviour items in questionnaire order, each with its follow-ups (source, reported, handling). */
export function behaviourItems(definition: QuestionnaireDefinition): BehaviourItem[] {
  const result: BehaviourItem[] = [];
  const byId = new Map<string, BehaviourItem>();
  for (const item of itemsInOrder(definition)) {
    if (item.type === 'frequency' && item.behaviour !== undefined) {
      const entry: BehaviourItem = {
        item,
        category: item.behaviour.category,
        mode: item.behaviour.mode,
        scale: scaleOfItem(definition, item.id),
        followUps: {},
      };
      result.push(entry);
      if (!byId.has(item.id)) byId.set(item.id, entry);
    } else if ((item.type === 'single-choice' || item.type === 'multiple-choice') && item.followUp !== undefined) {
      const owner = byId.get(item.followUp.of);
      if (owner !== undefined && owner.followUps[item.followUp.role] === undefined) owner.followUps[item.followUp.role] = item;
    }
  }
  return result;
}

/**
 * Internal (someone in the organisation) or external (client, patient, student, visitor). NEA reports the two
 * separately because they call for different measures; 'other' cannot be placed.
 */
export function sourceSide(kind: SourceKind): 'internal' | 'external' | 'unknown' {
  switch (kind) {
    case 'colleague':
    case 'direct-manager':
    case 'higher-management':
    case 'subordinate':
      return 'internal';
    case 'external':
      return 'external';
    case 'other':
      return 'unknown';
  }
}
