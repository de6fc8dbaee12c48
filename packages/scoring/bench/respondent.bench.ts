/*
 * Respondent scoring benchmark: 100,000 synthetic respondents on the built-in questionnaire (106 scaled items,
 * 24 scales, 14 behaviour items with 35 follow-ups). Their answers go through JSON, as the database driver will
 * deliver them, and are scored with a plan: once streaming into one reused record (first contact with each answers
 * object), once into a record each that is kept (memory). For comparison: the same answers as objects assembled key
 * by key in code, and a sample on the readable reference path. Prints times and memory; asserts nothing about time.
 *
 * Run: pnpm exec tsx bench/respondent.bench.ts
 * Steadier memory figures: node --expose-gc --import tsx bench/respondent.bench.ts
 */
import {
  DONT_KNOW,
  answerCodes,
  isScaledItem,
  itemsInOrder,
  socialSafety_1_0_0,
  type AnswerValue,
  type Item,
} from '@socialsafety/instrument';
import {
  createScoringPlan,
  scoreRespondent,
  scoreWithPlan,
  type RespondentResponse,
  type RespondentScores,
} from '../src/respondent';
import { seededRandom as generator } from '../src/disclosure/testing/organisations';


const RESPONDENTS = 100_000;
const REFERENCE_SAMPLE = 5_000;
const definition = socialSafety_1_0_0;
const random = generator(20261201);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const collectGarbage = (globalThis as { gc?: () => void }).gc;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en');

/** Wall-clock and CPU time of a run: the machine may be shared, and CPU time is what this process itself spent. */
function measure(run: () => void): { wall: number; cpu: number } {
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  run();
  const cpu = process.cpuUsage(cpuBefore);
  return { wall: performance.now() - wallBefore, cpu: (cpu.user + cpu.system) / 1000 };
}

function timing({ wall, cpu }: { wall: number; cpu: number }, n: number): string {
  return `${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU for ${count(n)} (${((cpu * 1000) / n).toFixed(2)} µs CPU each)`;
}

function memory(): { heap: number; buffers: number } {
  collectGarbage?.();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, buffers: usage.arrayBuffers };
}

function isShown(item: Item, answers: Record<string, AnswerValue>): boolean {
  const condition = item.condition;
  if (condition === undefined) return true;
  const shownBy = answers[condition.itemId];
  if (Array.isArray(shownBy)) return shownBy.some((code) => condition.anyOf.includes(code));
  return typeof shownBy === 'number' && condition.anyOf.includes(shownBy);
}

// A respondent: a general mood that tilts agreement, some skipped and "don't know" answers, behaviour now and then
// (more often witnessed than experienced), follow-ups answered when shown.
function synthesiseAnswer(item: Item, mood: number, answers: Record<string, AnswerValue>): AnswerValue | undefined {
  if (!isShown(item, answers) || random() < 0.03) return undefined;
  if (item.allowDontKnow && random() < 0.05) return DONT_KNOW;
  if (item.type === 'free-text') return random() < 0.1 ? 'Meer overleg graag.' : undefined;
  if (isScaledItem(item)) {
    const codes = answerCodes(definition, item);
    if (item.behaviour !== undefined) {
      return random() < (item.behaviour.mode === 'experienced' ? 0.08 : 0.12) ? pick(codes.slice(1)) : 0;
    }
    const index = Math.max(0, Math.min(codes.length - 1, Math.round(mood * (codes.length - 1) + (random() - 0.5) * 3)));
    return codes[item.reverse ? codes.length - 1 - index : index];
  }
  const codes = item.options.map((option) => option.value);
  if (item.type === 'single-choice') return pick(codes);
  if (item.followUp?.role === 'reported') return random() < 0.6 ? [0] : [pick(codes.slice(1))];
  const chosen = codes.filter(() => random() < 0.3);
  return chosen.length > 0 ? chosen : [pick(codes)];
}

const order = itemsInOrder(definition);
const demographicChoices = definition.demographics.map((demographic) => ({
  id: demographic.id,
  codes: demographic.options.map((option) => option.value),
}));
let ms = performance.now();
let assembled: RespondentResponse[] = [];
for (let r = 0; r < RESPONDENTS; r++) {
  const mood = random();
  const answers: Record<string, AnswerValue> = {};
  for (const item of order) {
    const value = synthesiseAnswer(item, mood, answers);
    if (value !== undefined) answers[item.id] = value;
  }
  const demographics: Record<string, number> = {};
  for (const { id, codes } of demographicChoices) if (random() < 0.9) demographics[id] = pick(codes);
  assembled.push({ answers, demographics });
}
// What scoring sees in production: each respondent's answers parsed from the JSON stored for them.
const responses = assembled.map((response) => JSON.parse(JSON.stringify(response)) as RespondentResponse);
console.log(`synthesised ${count(RESPONDENTS)} respondents in ${(performance.now() - ms).toFixed(0)} ms`);

ms = performance.now();
const plan = createScoringPlan(definition);
console.log(`createScoringPlan: ${(performance.now() - ms).toFixed(2)} ms`);
const reused = scoreWithPlan(plan, { answers: {} });

// Answers assembled key by key in code: first, so that their scoring also warms the compiler up for the rest, and
// so that they can be let go before memory is measured.
const fromCode = measure(() => {
  for (const response of assembled) scoreWithPlan(plan, response, reused);
});
console.log(`scoreWithPlan on answers assembled key by key in code (hash-table objects): ${timing(fromCode, RESPONDENTS)}`);
assembled = [];

let experiencedAny = 0;
const streaming = measure(() => {
  for (const response of responses) {
    scoreWithPlan(plan, response, reused);
    if (reused.behaviour[0] === 1) experiencedAny += 1;
  }
});
console.log(`scoreWithPlan on parsed answers, streaming into one record: ${timing(streaming, RESPONDENTS)}`);
console.log(`  (experienced any unwanted behaviour: ${((experiencedAny / RESPONDENTS) * 100).toFixed(1)} %)`);

const before = memory();
const kept = new Array<RespondentScores>(RESPONDENTS);
const keeping = measure(() => {
  for (let r = 0; r < RESPONDENTS; r++) kept[r] = scoreWithPlan(plan, responses[r] as RespondentResponse);
});
const after = memory();
const heap = after.heap - before.heap;
const buffers = after.buffers - before.buffers;
console.log(`scoreWithPlan on parsed answers, a record each, kept: ${timing(keeping, RESPONDENTS)}`);
console.log(
  `  records held: heap +${megabytes(heap)}, array buffers +${megabytes(buffers)}` +
    ` (~${((heap + buffers) / RESPONDENTS).toFixed(0)} bytes a respondent)`,
);

const reference = measure(() => {
  for (let r = 0; r < REFERENCE_SAMPLE; r++) scoreRespondent(definition, responses[r] as RespondentResponse);
});
console.log(`scoreRespondent (reference path): ${timing(reference, REFERENCE_SAMPLE)}`);
console.log(`heap in use at the end: ${megabytes(process.memoryUsage().heapUsed)} (${count(kept.length)} records kept)`);
