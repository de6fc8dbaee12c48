import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash, socialSafety_1_0_0, type QuestionnaireDefinition } from '@socialsafety/instrument';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helper';
import { createUser, signIn, signInAdmin } from './sessions';

let t: TestApp;
let admin: Record<string, string>;

/** A later version of the built-in questionnaire: same content, one scale linked to its 1.0.0 predecessor. */
function nextVersion(version: string): QuestionnaireDefinition {
  const copy = structuredClone(socialSafety_1_0_0);
  copy.version = version;
  const scale = copy.scales[0]!;
  scale.comparableTo = { version: '1.0.0', scaleId: scale.id };
  return copy;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = (await signInAdmin(t.app)).headers;
});
afterAll(async () => {
  await t?.close();
});

describe('built-in questionnaire', () => {
  it('is published at start-up with the hash of its canonical definition', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/questionnaires' });
    expect(res.statusCode).toBe(200);
    const entry = res.json().questionnaires.find((q: { key: string }) => q.key === 'social-safety');
    expect(entry.versions[0]).toMatchObject({
      version: '1.0.0',
      status: 'published',
      builtin: true,
      languages: ['nl', 'en'],
      contentHash: contentHash(socialSafety_1_0_0),
    });
  });

  it('has the same content hash in another process', () => {
    const instrument = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../packages/instrument/src/index.ts');
    const tsx = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../node_modules/.bin/tsx');
    const script = `import { contentHash, socialSafety_1_0_0 } from ${JSON.stringify(instrument)}; console.log(contentHash(socialSafety_1_0_0));`;
    const printed = execFileSync(tsx, ['--eval', script], { encoding: 'utf8' }).trim();
    expect(printed).toBe(contentHash(socialSafety_1_0_0));
  });

  it('is loaded idempotently, and an edited built-in without a new version stops start-up', async () => {
    await t.app.questionnaires.ensureBuiltins();
    const { n } = await sql<{ n: number }>`select count(*)::int as n from questionnaire_versions where questionnaire_key = 'social-safety'`
      .execute(t.app.db)
      .then((r) => r.rows[0]!);
    expect(n).toBe(1);
    const edited = structuredClone(socialSafety_1_0_0);
    edited.title = { nl: 'Anders', en: 'Different' };
    await expect(t.app.questionnaires.ensureBuiltins([edited])).rejects.toThrow(/give the changed questionnaire a new version/);
  });

  it('is served in one language with ?lang=, and refuses a language it does not have', async () => {
    const en = await t.app.inject({ method: 'GET', url: '/api/v1/questionnaires/social-safety/versions/1.0.0?lang=en' });
    expect(en.statusCode).toBe(200);
    expect(en.json().definition.title).toBe('Social safety at work');
    const full = await t.app.inject({ method: 'GET', url: '/api/v1/questionnaires/social-safety/versions/1.0.0' });
    expect(full.json().definition.title).toEqual({ nl: 'Sociale veiligheid op het werk', en: 'Social safety at work' });
    const de = await t.app.inject({ method: 'GET', url: '/api/v1/questionnaires/social-safety/versions/1.0.0?lang=de' });
    expect(de.statusCode).toBe(400);
    expect(de.json().error.message).toBe("Questionnaire 'social-safety' 1.0.0 is available in nl, en, not in 'de'");
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/questionnaires/social-safety/versions/9.9.9' });
    expect(missing.statusCode).toBe(404);
  });
});

describe('writing questionnaire versions', () => {
  it('requires a platform administrator', async () => {
    const url = '/api/v1/questionnaires/social-safety/versions';
    const none = await t.app.inject({ method: 'POST', url, payload: nextVersion('1.1.0') });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHENTICATED');
    const wrong = await t.app.inject({ method: 'POST', url, payload: nextVersion('1.1.0'), headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_TOKEN');
    await createUser(t.app, await signInAdmin(t.app), 'author@example.test');
    const author = await signIn(t.app, 'author@example.test');
    const forbidden = await t.app.inject({ method: 'POST', url, payload: nextVersion('1.1.0'), headers: author.headers });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
  });

  it('rejects an invalid definition with every problem and its path, writing nothing', async () => {
    const broken = nextVersion('1.1.0') as unknown as { sections: { items: { text: Record<string, string> }[] }[] };
    delete broken.sections[0]!.items[0]!.text.en;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/questionnaires/social-safety/versions', payload: broken, headers: admin });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('QUESTIONNAIRE_INVALID');
    expect(body.error.details.issues).toContainEqual({ path: 'sections[0].items[0].text.en', message: 'missing English text' });
    const version = await t.app.inject({ method: 'GET', url: '/api/v1/questionnaires/social-safety/versions/1.1.0' });
    expect(version.statusCode).toBe(404);
  });

  it('rejects a key that differs from the address and a trend link to a version that does not exist', async () => {
    const other = nextVersion('1.1.0');
    other.scales[0]!.comparableTo = { version: '0.9.0', scaleId: other.scales[0]!.id };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/questionnaires/other-key/versions', payload: other, headers: admin });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues).toEqual([
      { path: 'key', message: "must be 'other-key', the questionnaire in the address" },
      { path: 'scales[0].comparableTo.version', message: "version 0.9.0 of 'other-key' is not published" },
    ]);
    const sameKey = await t.app.inject({ method: 'POST', url: '/api/v1/questionnaires/social-safety/versions', payload: other, headers: admin });
    expect(sameKey.json().error.details.issues).toEqual([
      { path: 'scales[0].comparableTo.version', message: "version 0.9.0 of 'social-safety' is not published" },
    ]);
  });

  it('creates a draft, changes it, publishes it once, and then never changes it', async () => {
    const base = '/api/v1/questionnaires/social-safety/versions';
    const draft = nextVersion('1.1.0');
    const created = await t.app.inject({ method: 'POST', url: base, payload: draft, headers: admin });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ key: 'social-safety', version: '1.1.0', status: 'draft', contentHash: contentHash(draft) });

    const again = await t.app.inject({ method: 'POST', url: base, payload: draft, headers: admin });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('VERSION_EXISTS');

    draft.title = { nl: 'Sociale veiligheid (herzien)', en: 'Social safety (revised)' };
    const updated = await t.app.inject({ method: 'PUT', url: `${base}/1.1.0`, payload: draft, headers: admin });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().contentHash).toBe(contentHash(draft));

    const published = await t.app.inject({ method: 'POST', url: `${base}/1.1.0/publish`, headers: admin });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', contentHash: contentHash(draft) });
    expect(published.json().publishedAt).not.toBeNull();

    const twice = await t.app.inject({ method: 'POST', url: `${base}/1.1.0/publish`, headers: admin });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ALREADY_PUBLISHED');

    draft.title = { nl: 'Nog eens anders', en: 'Different again' };
    const edit = await t.app.inject({ method: 'PUT', url: `${base}/1.1.0`, payload: draft, headers: admin });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('VERSION_PUBLISHED');
    const builtinEdit = await t.app.inject({ method: 'PUT', url: `${base}/1.0.0`, payload: socialSafety_1_0_0, headers: admin });
    expect(builtinEdit.statusCode).toBe(409);
  });
});

describe('the database itself keeps published versions immutable', () => {
  it('rejects changing or deleting a published definition even from raw SQL', async () => {
    const db = t.app.db;
    await expect(
      sql`update questionnaire_versions set definition = '{}'::jsonb where questionnaire_key = 'social-safety' and version = '1.0.0'`.execute(db),
    ).rejects.toThrow(/is published and cannot be changed/);
    await expect(
      sql`update questionnaire_versions set status = 'draft' where questionnaire_key = 'social-safety' and version = '1.0.0'`.execute(db),
    ).rejects.toThrow(/is published and cannot be changed/);
    await expect(
      sql`delete from questionnaire_versions where questionnaire_key = 'social-safety' and version = '1.0.0'`.execute(db),
    ).rejects.toThrow(/is published and cannot be deleted/);
    const stored = await db
      .selectFrom('questionnaire_versions')
      .select('content_hash')
      .where('questionnaire_key', '=', 'social-safety')
      .where('version', '=', '1.0.0')
      .executeTakeFirstOrThrow();
    expect(stored.content_hash).toBe(contentHash(socialSafety_1_0_0));
  });

  it('allows only retiring a published version', async () => {
    const db = t.app.db;
    await sql`update questionnaire_versions set status = 'retired' where questionnaire_key = 'social-safety' and version = '1.1.0'`.execute(db);
    await expect(
      sql`update questionnaire_versions set status = 'published' where questionnaire_key = 'social-safety' and version = '1.1.0'`.execute(db),
    ).rejects.toThrow(/cannot be changed/);
  });
});
