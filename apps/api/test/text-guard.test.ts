import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from './helper';
import { signIn, type Session } from './sessions';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, ADMIN.email, ADMIN.password);
});

afterAll(async () => {
  await t?.close();
});

describe('text PostgreSQL cannot store', () => {
  it.each([
    ['U+0000', 'Acme\u0000'],
    ['a lone high surrogate', 'Acme \ud800'],
    ['a lone low surrogate', '\udc00 Acme'],
  ])('is refused with a 400 naming the field (%s), and nothing is written', async (_, name) => {
    const before = await t.app.db.selectFrom('organisations').select('id').execute();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: admin.headers, payload: { name } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'TEXT_INVALID', details: { field: 'body.name' } });
    expect(await t.app.db.selectFrom('organisations').select('id').execute()).toEqual(before);
  });

  it('still accepts characters outside the basic plane written as a surrogate pair', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: admin.headers, payload: { name: 'Acme 😀' } });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses it in a key of an object too', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { ['e\u0000mail']: 'x', password: 'y' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'TEXT_INVALID', details: { field: 'body.e?mail' } });
  });

  it('names the whole path of a string deep in the body', async () => {
    const payload = { submissionId: crypto.randomUUID(), language: 'nl', answers: { q1: 3, list: [1, 'x', 'ok \udc00'] } };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/survey/some-token/responses', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'TEXT_INVALID', details: { field: 'body.answers.list.2' } });
  });
});

describe('errors the router meets', () => {
  it('answers a malformed URL in the API error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/survey/%' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
  });
});

describe('a path parameter longer than the router takes', () => {
  it('is answered in the API error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/survey/${'a'.repeat(300)}` });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.message).toEqual(expect.any(String));
  });
});
