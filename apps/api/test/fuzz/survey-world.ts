import fc from 'fast-check';
import { fullAnswers } from '../../bench/support/answers';
import { startTestApp, type TestApp } from '../helper';
import { LONG_SESSIONS, makeLinks, submit, TestClock } from '../measurement-fixtures';
import { surveyWorld, type SurveyWorld } from '../survey-fixtures';
import { nastyJson, nastyString, pathSegment } from './hostile';

export interface FuzzWorld {
  t: TestApp;
  w: SurveyWorld;
  /** Unused personal links, an open link, a used personal link. */
  tokens: { personal: string[]; open: string; used: string };
}

/**
 * The app with one open measurement (built-in questionnaire, first item required, asks age_band) and links of every
 * state. The survey rate limit is lifted: the fuzzer sends thousands of requests from one address.
 */
export async function fuzzWorld(): Promise<FuzzWorld> {
  const clock = new TestClock();
  const t = await startTestApp(undefined, { ...LONG_SESSIONS, SURVEY_LIMIT_PER_MINUTE: '1000000' }, { now: clock.now });
  const w = await surveyWorld(t.app, clock);
  const personal = await makeLinks(t.app, w.admin, w.open, 'NORTH', 4);
  const [open] = await makeLinks(t.app, w.admin, w.open, 'SOUTH', 1, 'open');
  const [used] = await makeLinks(t.app, w.admin, w.open, 'OPS', 1);
  const done = await submit(t.app, used!, { answers: fullAnswers(0) });
  if (done.statusCode !== 201) throw new Error(`setup: ${done.body}`);
  return { t, w, tokens: { personal, open: open!, used: used! } };
}

/**
 * A real link of any state, or something in its place. Half are real: a request with a real link loads the
 * measurement and checks every answer, which costs about ten times a rejection by the schema.
 */
export const tokenOf = (world: FuzzWorld, fakesPerReal = 1) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...world.tokens.personal, world.tokens.open, world.tokens.used) },
    { weight: fakesPerReal, arbitrary: pathSegment },
  );

/** A valid answer set: a random part of a complete one, always with the required item. */
export const validAnswers = (world: FuzzWorld) =>
  fc.tuple(fc.nat(1000), fc.double({ min: 0, max: 1, noNaN: true })).map(([seed, share]) => {
    const all = Object.entries(fullAnswers(seed));
    const kept = Object.fromEntries(all.filter(([id], i) => id === world.w.requiredItem || (i * 7919) % 100 < share * 100));
    return kept;
  });

/** Valid answers with one item's value replaced by anything (the free-text item gets hostile text this way too). */
const answersWithOneNastyValue = (world: FuzzWorld) =>
  fc
    .tuple(validAnswers(world), fc.oneof(fc.constantFrom(...Object.keys(fullAnswers(0)), 'oc_suggestions'), nastyString), nastyJson)
    .map(([answers, itemId, value]) => ({ ...answers, [itemId]: value }));

/** A language, answers and demographics: valid, or valid but for one item or demographic. */
export const answerSet = (world: FuzzWorld) =>
  fc.record({
    language: fc.constantFrom('nl', 'en'),
    answers: fc.oneof(validAnswers(world), answersWithOneNastyValue(world)),
    demographics: fc.oneof(
      fc.constant({}),
      fc.integer({ min: 1, max: 5 }).map((age) => ({ age_band: age })),
      fc.dictionary(nastyString, nastyJson, { maxKeys: 2 }),
    ),
  });
