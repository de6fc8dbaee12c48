import {
  answerCodes,
  answersOnVisibleItems,
  DONT_KNOW,
  isItemVisible,
  itemsInOrder,
  socialSafety_1_0_0,
  type Answers,
  type AnswerValue,
} from '@socialsafety/instrument';
import type pg from 'pg';
import { seededRandom } from '../../src/demo/random';


/**
 * One respondent's answers to the built-in questionnaire as the survey would store them: follow-ups only where shown,
 * a few items skipped or "don't know", behaviour rare, a personal level that moves the scaled answers. Free text is
 * left out (results never read it).
 */
export function respondentAnswers(random: () => number): Answers {
  const level = random() - 0.5;
  const answers: Record<string, AnswerValue> = {};
  for (const item of itemsInOrder(socialSafety_1_0_0)) {
    if (item.type === 'free-text' || !isItemVisible(item, answers)) continue;
    const codes = answerCodes(socialSafety_1_0_0, item);
    if (codes.length === 0) continue;
    const roll = random();
    if (roll < 0.03) continue;
    if (roll < 0.045 && item.allowDontKnow) {
      answers[item.id] = DONT_KNOW;
      continue;
    }
    if ('behaviour' in item && item.behaviour) {
      answers[item.id] = random() < 0.15 ? codes[1 + Math.floor(random() * (codes.length - 1))]! : codes[0]!;
      continue;
    }
    if (item.type === 'multiple-choice') {
      answers[item.id] = [codes[Math.floor(random() * codes.length)]!];
      continue;
    }
    if (item.type === 'single-choice') {
      answers[item.id] = codes[Math.floor(random() * codes.length)]!;
      continue;
    }
    const centre = (codes.length - 1) * (0.5 + level * (item.reverse ? -0.8 : 0.8));
    answers[item.id] = codes[Math.round(Math.min(codes.length - 1, Math.max(0, centre + (random() - 0.5) * 2.2)))]!;
  }
  return answersOnVisibleItems(socialSafety_1_0_0, answers);
}

/**
 * Writes `count` responses of a measurement straight into `responses` with INSERT ... SELECT over generate_series,
 * a statement per `batch` rows: answer sets are drawn from `distinctAnswers` generated respondents (each ~134
 * answers), units from `unitIds` with skewed sizes (a few large teams, many below k), demographics varied per row.
 * Minutes instead of hours for a million rows, and the rows are what the survey service stores.
 */
export async function writeResponses(
  client: pg.ClientBase,
  options: { measurementId: string; versionId: string; unitIds: readonly string[]; count: number; distinctAnswers: number; batch?: number; onBatch?: (written: number) => void },
): Promise<void> {
  const source = seededRandom(42);
  const random = () => source.next();
  await client.query('create temporary table bench_answers (n int primary key, answers jsonb not null)');
  await client.query('create temporary table bench_units (n int primary key, id uuid not null)');
  for (let from = 0; from < options.distinctAnswers; from += 500) {
    const sets = Array.from({ length: Math.min(500, options.distinctAnswers - from) }, () => JSON.stringify(respondentAnswers(random)));
    await client.query('insert into bench_answers select $1::int + o - 1, a::jsonb from unnest($2::text[]) with ordinality as t(a, o)', [from, sets]);
  }
  await client.query('insert into bench_units select o - 1, id::uuid from unnest($1::text[]) with ordinality as t(id, o)', [options.unitIds]);
  await client.query('analyze bench_answers; analyze bench_units');
  const batch = options.batch ?? 100_000;
  for (let from = 0; from < options.count; from += batch) {
    const to = Math.min(options.count, from + batch);
    // Unit: the square of a uniform draw picks low indexes more often (skewed sizes); hashes of g keep it seeded.
    await client.query(
      `insert into responses (measurement_id, measurement_unit_id, questionnaire_version_id, language, answers, demographics, submission_hash, submitted_on)
       select $1::uuid, u.id, $2::uuid, case when g % 5 = 0 then 'en' else 'nl' end, a.answers,
              jsonb_build_object('age_band', 1 + (g * 7) % 4, 'tenure_band', 1 + (g * 13) % 4, 'gender', 1 + (g * 31) % 3),
              encode(sha256(convert_to($1::uuid::text || ':' || g::text, 'UTF8')), 'hex'), current_date
       from generate_series($3::int, $4::int - 1) as g
       join bench_units u on u.n = floor($5::int * power(((hashint4(g) & 2147483647) % 1000003) / 1000003.0, 2))::int
       join bench_answers a on a.n = (hashint4(g + 7919) & 2147483647) % $6::int`,
      [options.measurementId, options.versionId, from, to, options.unitIds.length, options.distinctAnswers],
    );
    options.onBatch?.(to);
  }
  await client.query('drop table bench_answers; drop table bench_units');
  await client.query('analyze responses');
}
