import type { QuestionnaireDefinition } from '@socialsafety/instrument';
import { trendDifference } from '../stats';
import type { Comparison, FigureOrHidden } from './types';

/**
 * Which metric of an earlier questionnaire version each metric of this version may be compared with: a scale with
 * `comparableTo` follows its link; a scale of the same version, or an unlinked scale whose id existed in the earlier
 * version of the same questionnaire, is compared by id only when the versions are equal (a new version must say so
 * explicitly: wording changes can change what a scale measures).
 */
export function trendMetricKeys(current: QuestionnaireDefinition, previous: QuestionnaireDefinition): Map<string, string> {
  const map = new Map<string, string>();
  if (current.key !== previous.key) return map;
  for (const scale of current.scales) {
    if (current.version === previous.version) {
      map.set(`scale:${scale.id}`, `scale:${scale.id}`);
    } else if (scale.comparableTo && scale.comparableTo.version === previous.version) {
      if (previous.scales.some((s) => s.id === scale.comparableTo?.scaleId)) {
        map.set(`scale:${scale.id}`, `scale:${scale.comparableTo.scaleId}`);
      }
    }
  }
  return map;
}

/**
 * The change of one published figure between two measurements, tested with Welch's t-test on the 0-100 means (or
 * on the proportions, with the binomial standard deviation). Null when either figure is hidden: a trend is itself a
 * figure about the group, so it exists only when both ends are published.
 */
export function figureTrend(current: FigureOrHidden, previous: FigureOrHidden): Comparison | null {
  if ('hidden' in current || 'hidden' in previous || current.kind !== previous.kind) return null;
  const moments = (f: typeof current) =>
    f.kind === 'mean'
      ? { n: f.n, mean: f.mean, sd: f.sd }
      : { n: f.n, mean: f.percent, sd: Math.sqrt((f.percent * (100 - f.percent) * f.n) / Math.max(1, f.n - 1)) };
  const result = trendDifference(moments(current), moments(previous));
  return {
    difference: Math.round(result.difference * 100) / 100,
    p: result.test ? Math.round(result.test.p * 10000) / 10000 : null,
    significant: result.significant,
  };
}
