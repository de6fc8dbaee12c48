import {
  BEHAVIOUR_CATEGORIES,
  HANDLING_OUTCOMES,
  REPORT_CHANNELS,
  SOURCE_KINDS,
  type BehaviourCategory,
  type HandlingOutcome,
  type LocalisedText,
  type ReportChannel,
  type SourceKind,
} from '@socialsafety/instrument';
import { behaviourSlots } from '@socialsafety/scoring';

/*
 * The behaviour indicators of the export: the same ones the published results show (occurrence per mode and
 * category, source, reporting, channel, handling), so a researcher can reproduce every published prevalence.
 * Names stay within 32 characters, Stata's limit.
 */

const CATEGORY_TEXT: Record<BehaviourCategory, LocalisedText> = {
  general: { en: 'general unwanted behaviour', nl: 'algemeen ongewenst gedrag' },
  discriminatory: { en: 'discrimination', nl: 'discriminatie' },
  'bullying-threatening': { en: 'bullying or threats', nl: 'pesten of bedreigen' },
  sexual: { en: 'sexual harassment', nl: 'seksuele intimidatie' },
  'intimidating-aggressive-violent': { en: 'intimidation, aggression or violence', nl: 'intimidatie, agressie of geweld' },
  'abuse-of-power': { en: 'abuse of power', nl: 'machtsmisbruik' },
  'persisting-after-named': { en: 'behaviour that went on after it was named', nl: 'gedrag dat doorging nadat het benoemd was' },
};
const CATEGORY: Record<BehaviourCategory, string> = {
  general: 'general',
  discriminatory: 'discrim',
  'bullying-threatening': 'bullying',
  sexual: 'sexual',
  'intimidating-aggressive-violent': 'aggression',
  'abuse-of-power': 'power_abuse',
  'persisting-after-named': 'persisting',
};
const KIND: Record<SourceKind, string> = {
  colleague: 'colleague',
  'direct-manager': 'direct_manager',
  'higher-management': 'higher_mgmt',
  subordinate: 'subordinate',
  external: 'external',
  other: 'other',
};
const CHANNEL: Record<ReportChannel, string> = {
  'not-reported': 'not_reported',
  'direct-manager': 'direct_manager',
  'higher-management': 'higher_mgmt',
  hr: 'hr',
  'confidential-adviser': 'conf_adviser',
  'reporting-point': 'reporting_point',
  'outside-organisation': 'outside_org',
  other: 'other',
};
const OUTCOME: Record<HandlingOutcome, string> = {
  satisfactory: 'satisfactory',
  'partly-satisfactory': 'partly_satisfactory',
  unsatisfactory: 'unsatisfactory',
  'no-action': 'no_action',
  pending: 'pending',
  unknown: 'unknown',
};

export interface BehaviourIndicator {
  readonly name: string;
  readonly slot: number;
  readonly label: LocalisedText;
  /** Held to l-diversity: whether a person experienced or witnessed anything, and whether they reported it. */
  readonly sensitive: boolean;
}

const MODE_TEXT = {
  experienced: { en: 'Experienced', nl: 'Zelf meegemaakt' },
  witnessed: { en: 'Witnessed', nl: 'Gezien bij anderen' },
} as const;

function text(en: string, nl: string): LocalisedText {
  return { en, nl };
}

export function behaviourIndicators(): BehaviourIndicator[] {
  const list: BehaviourIndicator[] = [];
  for (const mode of ['experienced', 'witnessed'] as const) {
    const short = mode === 'experienced' ? 'exp' : 'wit';
    const m = MODE_TEXT[mode];
    list.push({
      name: `bh_${short}_any`,
      slot: behaviourSlots.occurrence(mode, 'any'),
      label: text(`${m.en}: any unwanted behaviour`, `${m.nl}: enig ongewenst gedrag`),
      sensitive: true,
    });
    for (const category of BEHAVIOUR_CATEGORIES) {
      list.push({
        name: `bh_${short}_${CATEGORY[category]}`,
        slot: behaviourSlots.occurrence(mode, category),
        label: text(`${m.en}: ${CATEGORY_TEXT[category].en}`, `${m.nl}: ${CATEGORY_TEXT[category].nl}`),
        sensitive: false,
      });
    }
  }
  const exp = MODE_TEXT.experienced;
  for (const kind of SOURCE_KINDS) {
    list.push({
      name: `bh_exp_src_${KIND[kind]}`,
      slot: behaviourSlots.sourceKind('experienced', 'any', kind),
      label: text(`${exp.en}: from ${kind}`, `${exp.nl}: van ${kind}`),
      sensitive: false,
    });
  }
  for (const side of ['internal', 'external'] as const) {
    list.push({
      name: `bh_exp_side_${side}`,
      slot: behaviourSlots.sourceSide('experienced', 'any', side),
      label: text(`${exp.en}: from someone ${side}`, `${exp.nl}: van iemand ${side === 'internal' ? 'binnen' : 'buiten'} de organisatie`),
      sensitive: false,
    });
  }
  list.push({
    name: 'bh_exp_reported',
    slot: behaviourSlots.reported('experienced', 'any'),
    label: text(`${exp.en}: reported, or sought help (any channel)`, `${exp.nl}: gemeld of hulp gezocht (enig kanaal)`),
    sensitive: true,
  });
  for (const channel of REPORT_CHANNELS) {
    list.push({
      name: `bh_exp_to_${CHANNEL[channel]}`,
      slot: behaviourSlots.reportedTo('experienced', channel),
      label: text(`${exp.en}: reporting channel ${channel}`, `${exp.nl}: meldkanaal ${channel}`),
      sensitive: false,
    });
  }
  for (const outcome of HANDLING_OUTCOMES) {
    list.push({
      name: `bh_exp_hdl_${OUTCOME[outcome]}`,
      slot: behaviourSlots.handling('experienced', outcome),
      label: text(`${exp.en}: handling ${outcome}`, `${exp.nl}: afhandeling ${outcome}`),
      sensitive: false,
    });
  }
  return list;
}
