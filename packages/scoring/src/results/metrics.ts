import {
  BEHAVIOUR_CATEGORIES,
  HANDLING_OUTCOMES,
  REPORT_CHANNELS,
  SOURCE_KINDS,
  behaviourItems,
  itemRange,
  standaloneItems,
  type QuestionnaireDefinition,
  type Scale,
} from '@socialsafety/instrument';
import { behaviourSlots, type ScoringPlan } from '../respondent';

/**
 * A figure the results publish for every group: how to read it from a respondent's scores and how it is protected.
 * Each metric is its own disclosure family, because item non-response makes its group (those who answered) differ
 * from the group of respondents; see families.ts.
 */
export interface MetricSpec {
  readonly key: string;
  readonly kind: 'mean' | 'proportion';
  readonly sensitive: boolean;
  /** Mean scales are also published per demographic category. */
  readonly cuts: boolean;
  /** The scale behind the metric, for risk bands and favourable direction. */
  readonly scale: Scale | null;
  /** Numbers kept per group: n, sum, sum of squares, favourable, then one count per answer category. */
  readonly stride: number;
  readonly source:
    | { readonly type: 'scale'; readonly index: number; readonly itemPositions: readonly number[]; readonly min: number }
    | { readonly type: 'item'; readonly position: number; readonly min: number; readonly max: number }
    | { readonly type: 'slot'; readonly slot: number };
  /** Favourable side of the 0-100 score (>= 75, or <= 25 when higher is worse). */
  readonly higherIsBetter: boolean;
}

export const MEAN_HEADER = 4;

/** Behaviour indicators published per group, all as prevalences at k_sensitive. */
function behaviourMetrics(): { key: string; slot: number }[] {
  const list: { key: string; slot: number }[] = [];
  for (const mode of ['experienced', 'witnessed'] as const) {
    list.push({ key: `behaviour:${mode}:any`, slot: behaviourSlots.occurrence(mode, 'any') });
    for (const category of BEHAVIOUR_CATEGORIES) {
      list.push({ key: `behaviour:${mode}:${category}`, slot: behaviourSlots.occurrence(mode, category) });
    }
  }
  for (const kind of SOURCE_KINDS) {
    list.push({ key: `behaviour:experienced:source:${kind}`, slot: behaviourSlots.sourceKind('experienced', 'any', kind) });
  }
  for (const side of ['internal', 'external'] as const) {
    list.push({ key: `behaviour:experienced:side:${side}`, slot: behaviourSlots.sourceSide('experienced', 'any', side) });
  }
  list.push({ key: 'behaviour:experienced:reported', slot: behaviourSlots.reported('experienced', 'any') });
  for (const channel of REPORT_CHANNELS) {
    list.push({ key: `behaviour:experienced:reported-to:${channel}`, slot: behaviourSlots.reportedTo('experienced', channel) });
  }
  for (const outcome of HANDLING_OUTCOMES) {
    list.push({ key: `behaviour:experienced:handling:${outcome}`, slot: behaviourSlots.handling('experienced', outcome) });
  }
  return list;
}

/** Every metric of a questionnaire version, in a stable order: scales, standalone ratings, behaviour indicators. */
export function metricsOf(definition: QuestionnaireDefinition, plan: ScoringPlan): MetricSpec[] {
  const position = new Map(plan.itemIds.map((id, index) => [id, index]));
  const metrics: MetricSpec[] = [];
  plan.scales.forEach((planned, index) => {
    const scale = definition.scales.find((s) => s.id === planned.id);
    if (!scale) throw new Error(`metricsOf: scale '${planned.id}' is not in the definition`);
    const higherIsBetter = scale.direction === 'higher-is-better';
    if (planned.scoring === 'mean') {
      const categories = planned.max - planned.min + 1;
      metrics.push({
        key: `scale:${scale.id}`,
        kind: 'mean',
        sensitive: scale.sensitive,
        cuts: !scale.sensitive,
        scale,
        stride: MEAN_HEADER + categories,
        source: {
          type: 'scale',
          index,
          itemPositions: scale.itemIds.map((id) => position.get(id) ?? -1).filter((p) => p >= 0),
          min: planned.min,
        },
        higherIsBetter,
      });
    } else {
      metrics.push({
        key: `scale:${scale.id}`,
        kind: 'proportion',
        sensitive: true,
        cuts: false,
        scale,
        stride: 2,
        source: { type: 'scale', index, itemPositions: [], min: 0 },
        higherIsBetter,
      });
    }
  });
  for (const item of standaloneItems(definition)) {
    const range = itemRange(definition, item);
    const itemPosition = position.get(item.id);
    if (itemPosition === undefined || range === undefined) continue;
    metrics.push({
      key: `item:${item.id}`,
      kind: 'mean',
      sensitive: item.sensitive,
      cuts: false,
      scale: null,
      stride: MEAN_HEADER + (range.max - range.min + 1),
      source: { type: 'item', position: itemPosition, min: range.min, max: range.max },
      higherIsBetter: true,
    });
  }
  if (behaviourItems(definition).length > 0) {
    for (const { key, slot } of behaviourMetrics()) {
      metrics.push({
        key,
        kind: 'proportion',
        sensitive: true,
        cuts: false,
        scale: null,
        stride: 2,
        source: { type: 'slot', slot },
        higherIsBetter: false,
      });
    }
  }
  return metrics;
}
