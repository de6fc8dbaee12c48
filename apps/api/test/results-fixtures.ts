import { findResponseScale, itemsInOrder, socialSafety_1_0_0, type Answers } from '@socialsafety/instrument';
import { expect } from 'vitest';
import type { App } from '../src/app';
import { inject, makeLinks, submit } from './measurement-fixtures';
import type { Session } from './sessions';

/** A small deterministic generator (mulberry32), so that a failing case can be replayed. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Answers to every unconditional scaled item of the built-in questionnaire, drawn at random; behaviour items are
 * "never" most of the time. Follow-ups are left out (they are optional), so every answer set is valid.
 */
export function randomAnswers(rng: () => number): Answers {
  const answers: Record<string, number> = {};
  for (const item of itemsInOrder(socialSafety_1_0_0)) {
    if (item.condition || !('responseScaleId' in item)) continue;
    const options = findResponseScale(socialSafety_1_0_0, item.responseScaleId)!.options;
    const behaviour = 'behaviour' in item && item.behaviour !== undefined;
    const option = behaviour ? (rng() < 0.8 ? options[0]! : options[1 + Math.floor(rng() * (options.length - 1))]!) : options[Math.floor(rng() * options.length)]!;
    answers[item.id] = option.value;
  }
  return answers;
}

/** Sends `count` random responses through the unit's open link; demographics drawn from the given codes. */
export async function respond(app: App, who: Session, measurementId: string, unitCode: string, count: number, rng: () => number) {
  const [token] = await makeLinks(app, who, measurementId, unitCode, 1, 'open');
  for (let i = 0; i < count; i++) {
    const res = await submit(app, token!, { answers: randomAnswers(rng), demographics: { age_band: 1 + Math.floor(rng() * 4) } });
    expect(res.statusCode, res.body).toBe(201);
  }
}

export const close = (app: App, who: Session, id: string) => inject(app, { method: 'POST', url: `/api/v1/measurements/${id}/close`, headers: who.headers }, 200);

/**
 * Walks a response body and returns every respondent count it shows (`n` of a figure, a cut cell or a unit). The
 * anonymity rules say none may be below k (k_sensitive for a proportion).
 */
export function countsIn(body: unknown, path = '$'): { path: string; n: number; proportion: boolean }[] {
  if (Array.isArray(body)) return body.flatMap((v, i) => countsIn(v, `${path}[${i}]`));
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  const own = typeof record.n === 'number' ? [{ path, n: record.n, proportion: record.kind === 'proportion' }] : [];
  return [...own, ...Object.entries(record).flatMap(([key, value]) => (key === 'n' ? [] : countsIn(value, `${path}.${key}`)))];
}
