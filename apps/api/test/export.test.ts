import { itemsInOrder, socialSafety_1_0_0, conditionHolds, findResponseScale, type Answers } from '@socialsafety/instrument';
import { parse } from 'csv-parse/sync';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from './helper';
import { createMeasurement, inject, LONG_SESSIONS, makeLinks, openMeasurement, submit, TestClock } from './measurement-fixtures';
import { close, random } from './results-fixtures';
import { createOrganisation, createUser, grantRole, importUnits, signIn, type Session } from './sessions';

/*
 * The research export through the real API on a real database, on data built to break anonymisation: a unit of two
 * (BOARD), people attached to inner units, a night shift that all experienced unwanted behaviour (a homogeneity trap),
 * one person aged 60+, one of gender "other", two interns, three who answered in English. Every check of k-anonymity
 * and l-diversity below is written here, on the bytes of the downloaded zip, and trusts nothing the export says.
 */

const TREE = [
  { code: 'ROOT', name: 'Company', parentCode: null },
  { code: 'SALES', name: 'Sales', parentCode: 'ROOT' },
  { code: 'NORTH', name: 'Sales north', parentCode: 'SALES' },
  { code: 'SOUTH', name: 'Sales south', parentCode: 'SALES' },
  { code: 'OPS', name: 'Operations', parentCode: 'ROOT' },
  { code: 'NIGHT', name: 'Night shift', parentCode: 'OPS' },
  { code: 'DAY', name: 'Day shift', parentCode: 'OPS' },
  { code: 'BOARD', name: 'Board', parentCode: 'ROOT' },
];
const SIZES: Record<string, number> = { NORTH: 55, SOUTH: 45, SALES: 3, NIGHT: 28, DAY: 40, BOARD: 2, ROOT: 1 };
const TOTAL = Object.values(SIZES).reduce((a, b) => a + b, 0);
const K_SENSITIVE = 10;
const DEMOGRAPHICS = ['age_band', 'contract', 'gender'];
/** The variables the export must hold to l-diversity: whether someone experienced, witnessed or reported unwanted behaviour. */
const SENSITIVE = ['bh_exp_any', 'bh_wit_any', 'bh_exp_reported', 'scale_reporting_trust', 'scale_behaviour_experienced', 'scale_behaviour_witnessed'];
/** Items whose answers spell each respondent's submission number (base 5), to see the order rows come out in. */
const ORDER_ITEMS = ['ps_raise_problems', 'ps_mistakes_remembered', 'ps_learn_from_mistakes', 'ps_be_yourself'];
const FREE_TEXT = 'Jan de Vries from the night shift did it';

let t: TestApp;
let admin: Session;
let orgAdmin: Session;
let researcher: Session;
let analyst: Session;
let viewer: Session;
let measurementId: string;
let openId: string;
const clock = new TestClock();

const codes = (itemId: string) => {
  const item = itemsInOrder(socialSafety_1_0_0).find((i) => i.id === itemId)!;
  return 'responseScaleId' in item ? findResponseScale(socialSafety_1_0_0, item.responseScaleId)!.options.map((o) => o.value) : item.type === 'free-text' ? [] : item.options.map((o) => o.value);
};

/** A full, valid set of answers: every shown item answered, follow-ups included; the night shift all experienced behaviour. */
function answersFor(rng: () => number, unit: string, index: number): Answers {
  const answers: Record<string, Answers[string]> = {};
  for (const item of itemsInOrder(socialSafety_1_0_0)) {
    if (item.condition && !conditionHolds(item.condition, answers[item.condition.itemId])) continue;
    if (item.type === 'free-text') {
      answers[item.id] = FREE_TEXT;
      continue;
    }
    const options = codes(item.id);
    const pick = () => options[Math.floor(rng() * options.length)]!;
    if (item.type === 'multiple-choice') answers[item.id] = [options[Math.floor(rng() * (options.length - 1))]!];
    else if (item.type === 'frequency' && item.behaviour) {
      answers[item.id] = unit === 'NIGHT' && item.behaviour.category === 'general' && item.behaviour.mode === 'experienced' ? 3 : rng() < 0.8 ? 0 : 1 + Math.floor(rng() * 4);
    } else answers[item.id] = pick();
  }
  ORDER_ITEMS.forEach((itemId, digit) => {
    answers[itemId] = 1 + (Math.floor(index / 5 ** digit) % 5);
  });
  return answers;
}

function demographicsFor(rng: () => number, index: number): Record<string, number> {
  if (index === 7) return { age_band: 4, gender: 3, contract: 4 }; // the one aged 60+, of gender "other", an intern
  if (index === 8) return { age_band: 1, gender: 1, contract: 4 }; // the other intern
  return { age_band: 1 + Math.floor(rng() * 3), gender: 1 + Math.floor(rng() * 2), contract: 1 + Math.floor(rng() * 2) };
}

beforeAll(async () => {
  t = await startTestApp(undefined, { ...LONG_SESSIONS, SURVEY_LIMIT_PER_MINUTE: '100000' }, { now: clock.now });
  admin = await signIn(t.app, ADMIN.email, ADMIN.password);
  const organisationId = await createOrganisation(t.app, admin, 'Acme');
  const units = await importUnits(t.app, admin, organisationId, TREE);
  for (const [email, role, unit] of [
    ['org-admin@example.test', 'org_admin', undefined],
    ['researcher@example.test', 'researcher', undefined],
    ['analyst@example.test', 'analyst', undefined],
    ['viewer@example.test', 'unit_viewer', units.SALES],
  ] as const) {
    await createUser(t.app, admin, email);
    await grantRole(t.app, admin, organisationId, email, role, unit);
  }
  orgAdmin = await signIn(t.app, 'org-admin@example.test');
  researcher = await signIn(t.app, 'researcher@example.test');
  analyst = await signIn(t.app, 'analyst@example.test');
  viewer = await signIn(t.app, 'viewer@example.test');

  measurementId = await createMeasurement(t.app, orgAdmin, organisationId, { demographics: DEMOGRAPHICS, k: 5, kSensitive: K_SENSITIVE });
  await openMeasurement(t.app, orgAdmin, measurementId);
  const rng = random(9);
  let index = 0;
  for (const [code, count] of Object.entries(SIZES)) {
    const [token] = await makeLinks(t.app, orgAdmin, measurementId, code, 1, 'open');
    for (let i = 0; i < count; i++, index++) {
      const language = index % 80 === 3 ? 'en' : 'nl';
      const res = await submit(t.app, token!, { answers: answersFor(rng, code, index), demographics: demographicsFor(rng, index), language });
      expect(res.statusCode, res.body).toBe(201);
    }
  }
  await close(t.app, orgAdmin, measurementId);
  openId = await createMeasurement(t.app, orgAdmin, organisationId, { title: 'Still open' });
  await openMeasurement(t.app, orgAdmin, openId);
}, 300_000);

afterAll(async () => {
  await t?.close();
});

/** The files of a zip, read with nothing but the format's own structure (central directory, then each local header). */
function unzip(zip: Buffer): Map<string, string> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  expect(end, 'end of central directory').toBeGreaterThanOrEqual(0);
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let e = 0; e < entries; e++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + compressed);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + skip;
  }
  return files;
}

async function download(who: Session, query = '') {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/measurements/${measurementId}/export${query}`, headers: who.headers });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/zip');
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename=".+\.zip"$/);
  const files = unzip(res.rawPayload);
  const rows = parse(files.get('data.csv')!, { columns: true }) as Record<string, string>[];
  const header = (parse(files.get('data.csv')!, { to: 1 }) as string[][])[0]!;
  return { files, rows, header, report: JSON.parse(files.get('disclosure-report.json')!) };
}

/** k-anonymity and distinct l-diversity of a table, checked from scratch. */
function anonymityOf(rows: readonly Record<string, string>[], quasiIdentifiers: readonly string[], sensitive: readonly string[], k: number, l: number) {
  const groups = new Map<string, Record<string, string>[]>();
  for (const row of rows) {
    const key = JSON.stringify(quasiIdentifiers.map((q) => row[q]));
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const tooSmall = [...groups].filter(([, members]) => members.length < k).map(([key, members]) => `${key}: ${members.length}`);
  const homogeneous: string[] = [];
  for (const [key, members] of groups) {
    for (const variable of sensitive) {
      const answers = new Set(members.map((m) => m[variable]).filter((v) => v !== ''));
      if (answers.size > 0 && answers.size < l) homogeneous.push(`${key} ${variable}: ${[...answers].join()}`);
    }
  }
  return { groups: groups.size, tooSmall, homogeneous };
}

describe('the research export', () => {
  it.each([
    ['every quasi-identifier', '', ['unit', ...DEMOGRAPHICS, 'language']],
    ['the unit only', '?qi=unit', ['unit']],
    ['unit cut at depth 1 and two demographics', '?qi=unit:1,age_band,gender', ['unit', 'age_band', 'gender']],
  ])('is k-anonymous and 2-diverse on adversarial data (%s)', async (_, query, quasiIdentifiers) => {
    const { rows, header, report } = await download(researcher, query);
    expect(header.slice(0, quasiIdentifiers.length)).toEqual(quasiIdentifiers);
    // No quasi-identifier outside the chosen ones: a demographic not chosen is not in the file at all.
    for (const other of ['unit', ...DEMOGRAPHICS, 'language'].filter((q) => !quasiIdentifiers.includes(q))) expect(header).not.toContain(other);
    expect(header).toEqual(expect.arrayContaining(SENSITIVE));
    const check = anonymityOf(rows, quasiIdentifiers, SENSITIVE, K_SENSITIVE, 2);
    expect(check.tooSmall).toEqual([]);
    expect(check.homogeneous).toEqual([]);
    // The tiny unit never appears as itself, nor does anyone identifiable by a rare combination.
    expect(rows.some((r) => r.unit === 'BOARD')).toBe(false);
    expect(rows.some((r) => r.age_band === '4' && r.gender === '3')).toBe(false);
    // The report agrees with the file, and counts every response once.
    expect(report).toMatchObject({ k: K_SENSITIVE, l: 2, recordsIn: TOTAL, recordsReleased: rows.length });
    expect([...report.sensitiveVariables].sort()).toEqual([...SENSITIVE].sort());
    expect(report.recordsReleased + report.recordsSuppressed).toBe(TOTAL);
    expect(report.verification).toMatchObject({ ok: true, rows: rows.length, problems: [] });
    expect(rows.length).toBeGreaterThan(0);
  });

  it('holds no free text, no ids, no dates and nothing beyond the listed columns', async () => {
    const { files, header } = await download(researcher);
    for (const [name, text] of files) expect(text, name).not.toContain('Jan de Vries');
    expect(header).not.toContain('oc_suggestions');
    for (const forbidden of ['id', 'response_id', 'submitted_on', 'submission_hash', 'measurement_unit_id', 'token']) expect(header).not.toContain(forbidden);
    expect(files.get('data.csv')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect([...files.keys()].sort()).toEqual(['codebook.md', 'data.csv', 'datapackage.json', 'disclosure-report.json', 'disclosure-report.md', 'labels.R', 'labels.sps']);
  });

  it('writes rows in an order unrelated to the order of submission', async () => {
    const { rows } = await download(researcher, '?qi=unit');
    const submitted = rows.map((r) => ORDER_ITEMS.reduce((n, itemId, digit) => n + (Number(r[itemId]) - 1) * 5 ** digit, 0));
    const rising = submitted.slice(1).filter((n, i) => n > submitted[i]!).length / (submitted.length - 1);
    expect(rising).toBeGreaterThan(0.3);
    expect(rising).toBeLessThan(0.7);
  });

  it('gives raw and recoded answers, 0/1 per option of a multiple choice, and scores on 0-100', async () => {
    const { rows, header } = await download(researcher, '?qi=unit');
    const reversed = itemsInOrder(socialSafety_1_0_0).find((i) => i.reverse && 'responseScaleId' in i)!;
    expect(header).toContain(`${reversed.id}_r`);
    const [low, high] = [Math.min(...codes(reversed.id)), Math.max(...codes(reversed.id))];
    for (const row of rows) {
      if (row[reversed.id] === '' || row[reversed.id] === '-1') continue;
      expect(Number(row[`${reversed.id}_r`])).toBe(low + high - Number(row[reversed.id]));
    }
    const multiple = itemsInOrder(socialSafety_1_0_0).find((i) => i.type === 'multiple-choice')!;
    const dummies = header.filter((name) => name.startsWith(`${multiple.id}_`));
    expect(dummies).toHaveLength(codes(multiple.id).length);
    for (const row of rows) for (const d of dummies) expect(['', '0', '1', '-1']).toContain(row[d]);
    for (const row of rows) {
      for (const name of header.filter((h) => h.startsWith('scale_'))) {
        if (row[name] === '') continue;
        expect(Number(row[name])).toBeGreaterThanOrEqual(0);
        expect(Number(row[name])).toBeLessThanOrEqual(100);
      }
    }
    expect(new Set(rows.map((r) => r.questionnaire_version))).toEqual(new Set(['social-safety@1.0.0']));
  });

  it('documents every column of data.csv in datapackage.json, the codebook and both label scripts, and nothing else', async () => {
    const { files, header } = await download(researcher);
    const pack = JSON.parse(files.get('datapackage.json')!);
    const fields = pack.resources[0].schema.fields as { name: string; type: string; constraints?: { enum?: unknown[] } }[];
    expect(fields.map((f) => f.name)).toEqual(header);
    expect(pack.resources[0].path).toBe('data.csv');
    const codebook = files.get('codebook.md')!;
    const table = codebook.slice(codebook.indexOf('## Variables'), codebook.indexOf('\n## ', codebook.indexOf('## Variables') + 1));
    const documented = [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(header);
    // Question texts in both languages.
    const item = socialSafety_1_0_0.sections[0]!.items[0]!;
    expect(codebook).toContain(item.text.nl!);
    expect(codebook).toContain(item.text.en!);
    const sps = files.get('labels.sps')!;
    const r = files.get('labels.R')!;
    for (const name of header) {
      expect(sps, name).toMatch(new RegExp(`^\\s+(?:/\\s*)?${name} '`, 'm'));
      expect(r, name).toContain(`socialsafety[["${name}"]] <- label_variable(`);
    }
    expect(sps).toContain('VALUE LABELS');
    expect(sps).toMatch(/MISSING VALUES[\s\S]+\(-1\)\./);
    // Every coded value in the file is a documented value (or a documented missing value).
    const rows = parse(files.get('data.csv')!, { columns: true }) as Record<string, string>[];
    for (const field of fields.filter((f) => f.constraints?.enum)) {
      const allowed = new Set([...(field.constraints!.enum ?? []), ...((field as { missingValues?: string[] }).missingValues ?? [])].map(String));
      for (const row of rows) if (row[field.name] !== '') expect(allowed.has(row[field.name]!), `${field.name}=${row[field.name]}`).toBe(true);
    }
  });

  it('previews the same anonymisation the download applies', async () => {
    const preview = await inject(
      t.app,
      { method: 'GET', url: `/api/v1/measurements/${measurementId}/export/preview?qi=unit:1,age_band,gender`, headers: researcher.headers },
      200,
    );
    const body = preview.json();
    const { report } = await download(researcher, '?qi=unit:1,age_band,gender');
    expect(body).toMatchObject({
      k: K_SENSITIVE,
      l: 2,
      selection: 'unit:1,age_band,gender',
      recordsIn: TOTAL,
      recordsSuppressed: report.recordsSuppressed,
      classes: report.classes,
      informationLoss: report.informationLoss,
      quasiIdentifiers: report.quasiIdentifiers,
    });
    expect(body.available.map((q: { name: string }) => q.name)).toEqual(['unit', ...DEMOGRAPHICS, 'language']);
    expect(body.levels.unit.length).toBe(body.quasiIdentifiers[0].height + 1);
  });

  it('answers 400 naming unknown quasi-identifiers, and other bad options', async () => {
    const url = (qi: string) => `/api/v1/measurements/${measurementId}/export/preview?qi=${encodeURIComponent(qi)}`;
    const unknown = await t.app.inject({ method: 'GET', url: url('unit,shoe_size,tenure_band'), headers: researcher.headers });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/Unknown quasi-identifiers: shoe_size, tenure_band\. Choose from: unit/);
    for (const [qi, message] of [
      ['unit:7', /unit:0 to unit:2/],
      ['gender:1', /Only unit takes a depth/],
      ['gender,gender', /repeated: gender/],
      ['Unit; drop table', /comma-separated list/],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: url(qi), headers: researcher.headers });
      expect(res.statusCode, qi).toBe(400);
      expect(res.json().error.message, qi).toMatch(message);
    }
    const download = await t.app.inject({ method: 'GET', url: `/api/v1/measurements/${measurementId}/export?qi=nope`, headers: researcher.headers });
    expect(download.statusCode).toBe(400);
  });

  it('exists only for closed measurements', async () => {
    for (const path of ['export', 'export/preview']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/measurements/${openId}/${path}`, headers: researcher.headers });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('EXPORT_NOT_AVAILABLE');
    }
  });

  it('is open to researchers and organisation administrators only', async () => {
    for (const who of [researcher, orgAdmin]) {
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/measurements/${measurementId}/export?qi=unit`, headers: who.headers })).statusCode).toBe(200);
    }
    // The platform administrator has no grant in this organisation: administering it is not reading its data.
    for (const who of [analyst, viewer, admin]) {
      for (const path of ['export', 'export/preview']) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/measurements/${measurementId}/${path}`, headers: who.headers });
        expect(res.statusCode, `${who.email} ${path}`).toBe(403);
      }
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/measurements/${measurementId}/export` })).statusCode).toBe(401);
  });

  it('writes every download and preview to the audit log with its options and outcome', async () => {
    await download(researcher, '?qi=unit,gender');
    const events = await t.app.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id', 'target_id', 'details'])
      .where('action', 'in', ['export.download', 'export.preview'])
      .execute();
    const last = events.filter((e) => e.action === 'export.download').at(-1)!;
    expect(last).toMatchObject({ actor_user_id: researcher.userId, target_id: measurementId });
    expect(last.details).toMatchObject({ qi: 'unit,gender', k: K_SENSITIVE, l: 2, recordsIn: TOTAL });
    expect((last.details as { quasiIdentifiers: unknown[] }).quasiIdentifiers).toHaveLength(2);
    expect(events.some((e) => e.action === 'export.preview')).toBe(true);
  });
});
