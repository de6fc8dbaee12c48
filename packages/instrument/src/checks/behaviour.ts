import { locateItem } from '../definition-index';
import { isScaledItem, type ChoiceOption, type FollowUpRole, type QuestionnaireDefinition } from '../schema';
import { itemEntries } from './item-entries';
import type { Report } from './report';

/** The option field that carries the machine-readable meaning for each follow-up role. */
const OPTION_TAG_BY_ROLE = {
  source: 'source',
  reported: 'reportedTo',
  handling: 'handling',
} as const satisfies Record<FollowUpRole, keyof ChoiceOption>;

const ROLE_BY_OPTION_TAG = new Map(Object.entries(OPTION_TAG_BY_ROLE).map(([role, tag]) => [tag, role]));

/**
 * Behaviour items and their follow-ups must be tagged well enough for the scorer to compute prevalence per
 * category, mode and source without reading item texts, and must be sensitive (they fall under k_sensitive).
 */
export function checkBehaviourTags(definition: QuestionnaireDefinition, report: Report): void {
  const measured = new Map<string, string>();
  const followUpsSeen = new Map<string, string>();

  for (const { item, path, position } of itemEntries(definition)) {
    if (isScaledItem(item) && item.behaviour !== undefined) {
      const { category, mode } = item.behaviour;
      if (item.type !== 'frequency') {
        report([...path, 'behaviour'], `behaviour tags belong on frequency items; this is a ${item.type} item`);
      }
      if (!item.sensitive) report([...path, 'sensitive'], 'behaviour items must be marked sensitive (they fall under k_sensitive)');
      const key = `${category}/${mode}`;
      const earlier = measured.get(key);
      if (earlier !== undefined) {
        report([...path, 'behaviour'], `another item already measures ${category} behaviour (${mode}): '${earlier}'`);
      } else {
        measured.set(key, item.id);
      }
    }

    if (item.type !== 'single-choice' && item.type !== 'multiple-choice') continue;
    const followUp = item.followUp;
    const expectedTag = followUp === undefined ? undefined : OPTION_TAG_BY_ROLE[followUp.role];

    item.options.forEach((option, k) => {
      for (const [tag, role] of ROLE_BY_OPTION_TAG) {
        if (tag !== expectedTag && option[tag] !== undefined) {
          report([...path, 'options', k, tag], `'${tag}' tags belong on options of a ${role} follow-up only`);
        }
      }
      if (followUp !== undefined && expectedTag !== undefined && option[expectedTag] === undefined) {
        report([...path, 'options', k], `every option of a ${followUp.role} follow-up needs a '${expectedTag}' tag`);
      }
    });

    if (followUp === undefined) continue;
    if (!item.sensitive) report([...path, 'sensitive'], 'follow-ups of behaviour items must be marked sensitive (they fall under k_sensitive)');

    const target = locateItem(definition, followUp.of);
    if (target === undefined) {
      report([...path, 'followUp', 'of'], `follow-up refers to unknown item '${followUp.of}'`);
      continue;
    }
    if (target.position >= position) {
      report(
        [...path, 'followUp', 'of'],
        `follow-up refers to item '${followUp.of}' which does not come earlier (a follow-up comes after its behaviour item)`,
      );
      continue;
    }
    if (target.item.type !== 'frequency' || target.item.behaviour === undefined) {
      report([...path, 'followUp', 'of'], `follow-up refers to item '${followUp.of}', which is not a behaviour item (it has no behaviour tag)`);
      continue;
    }
    const key = `${followUp.of}/${followUp.role}`;
    const earlier = followUpsSeen.get(key);
    if (earlier !== undefined) {
      report([...path, 'followUp', 'role'], `item '${followUp.of}' already has a ${followUp.role} follow-up: '${earlier}'`);
    } else {
      followUpsSeen.set(key, item.id);
    }
  }
}
