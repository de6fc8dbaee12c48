import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../src/lib/log-redaction';
import { startTestApp, type TestApp } from './helper';
import { LONG_SESSIONS, makeLinks, submit, TestClock } from './measurement-fixtures';
import { links, surveyWorld, VALID, type SurveyWorld } from './survey-fixtures';

let t: TestApp;
let w: SurveyWorld;
const lines: string[] = [];
const LIMIT = 40;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const clock = new TestClock();
  t = await startTestApp(undefined, { ...LONG_SESSIONS, SURVEY_LIMIT_PER_MINUTE: String(LIMIT) }, { now: clock.now, logger: { level: 'trace', stream } });
  w = await surveyWorld(t.app, clock);
});
afterAll(async () => {
  await t?.close();
});

interface RequestLine {
  reqId?: string;
  msg: string;
  req?: { method: string; url: string; host?: string; remoteAddress?: string; remotePort?: number };
  res?: { statusCode: number };
  responseTime?: number;
}

/** The request lines written since line `from`. */
const parsedLines = (from: number): RequestLine[] =>
  lines
    .slice(from)
    .map((line) => JSON.parse(line) as RequestLine)
    .filter((line) => line.reqId !== undefined && line.req !== undefined);

describe('request logs', () => {
  it('have one line per request, written when it is answered, with the request and its outcome', async () => {
    const [token] = await links(t.app, w, 1);
    const from = lines.length;
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/survey/${token}/responses`, payload: { language: 'nl' } });
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/questionnaires' });
    expect([refused.statusCode, listed.statusCode]).toEqual([400, 200]);

    const requestLines = parsedLines(from);
    expect(requestLines.map((line) => [line.msg, line.req?.method, line.req?.url, line.res?.statusCode])).toEqual([
      ['request completed', 'POST', '/api/v1/survey/[token]/responses', 400],
      ['request completed', 'GET', '/api/v1/questionnaires', 200],
    ]);
    for (const line of requestLines) expect(line.responseTime).toBeGreaterThan(0);
    expect(new Set(requestLines.map((line) => line.reqId)).size).toBe(2);
  });

  it('never give a respondent’s address, nor when a response was stored', async () => {
    const [token] = await links(t.app, w, 1);
    const address = '10.77.1.23';
    const from = lines.length;
    const submissionId = crypto.randomUUID();
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/survey/${token}`, remoteAddress: address });
    const stored = await submit(t.app, token!, { submissionId, answers: VALID(w.requiredItem) }, address);
    const retried = await submit(t.app, token!, { submissionId, answers: VALID(w.requiredItem) }, address);
    const again = await submit(t.app, token!, { answers: VALID(w.requiredItem) }, address);
    const staff = await t.app.inject({ method: 'GET', url: '/api/v1/questionnaires', remoteAddress: address });
    expect([page.statusCode, stored.statusCode, retried.statusCode, again.statusCode, staff.statusCode]).toEqual([200, 201, 200, 409, 200]);

    const requestLines = parsedLines(from);
    // The successful submission and its retry leave no line; the refusal (which stored nothing) does.
    expect(requestLines.map((line) => [line.req?.method, line.req?.url, line.res?.statusCode])).toEqual([
      ['GET', '/api/v1/survey/[token]', 200],
      ['POST', '/api/v1/survey/[token]/responses', 409],
      ['GET', '/api/v1/questionnaires', 200],
    ]);
    const survey = requestLines.filter((line) => line.req?.url.includes('[token]'));
    for (const line of survey) expect(line.req).toEqual({ method: line.req?.method, url: line.req?.url, host: 'localhost:80' });
    expect(requestLines.at(-1)?.req).toMatchObject({ remoteAddress: address });
    expect(lines.slice(from).filter((line) => line.includes(address))).toHaveLength(1);
  });

  it('never contain a survey token, whatever happens to the request', async () => {
    const [personal, used] = await links(t.app, w, 2);
    const [shared] = await makeLinks(t.app, w.admin, w.open, 'OPS', 1, 'open');
    const tokens = [personal!, used!, shared!, 'made-up-token-for-the-log-test'];
    lines.length = 0;
    const ok = await submit(t.app, used!, { answers: VALID(w.requiredItem) });
    expect(ok.statusCode).toBe(201);
    const requests = [
      { method: 'GET' as const, url: `/api/v1/survey/${personal}?lang=en` },
      { method: 'GET' as const, url: `/api/v1/survey/${personal}?lang=xx` },
      { method: 'PUT' as const, url: `/api/v1/survey/${personal}/draft`, payload: { language: 'nl', answers: { ghost: 1 } } },
      { method: 'PUT' as const, url: `/api/v1/survey/${personal}/draft`, payload: '{not json', headers: { 'content-type': 'application/json' } },
      { method: 'GET' as const, url: `/api/v1/survey/${used}` },
      { method: 'GET' as const, url: `/api/v1/survey/${shared}` },
      { method: 'GET' as const, url: `/api/v1/survey/made-up-token-for-the-log-test` },
      { method: 'GET' as const, url: `/api/v1/%73urvey/${personal}` },
      { method: 'GET' as const, url: `/api/v1/survey/${personal}/nothing-here` },
      { method: 'GET' as const, url: `/s/${personal}`, headers: { accept: 'text/html' } },
      { method: 'GET' as const, url: `//s/${personal}?x=1`, headers: { accept: 'text/html' } },
    ];
    for (const request of requests) await t.app.inject(request);
    const log = lines.join('');
    expect(log).toContain('/api/v1/survey/[token]');
    expect(log).toContain('/s/[token]');
    for (const token of tokens) expect(log).not.toContain(token);
  });

  it('redact encoded and doubled survey paths, and leave other paths alone', () => {
    expect(redactUrl('/api/v1/survey/abc/responses')).toBe('/api/v1/survey/[token]/responses');
    expect(redactUrl('/api/v1/%73urvey/abc')).toBe('/api/v1/survey/[token]');
    expect(redactUrl('//s/abc?lang=nl')).toBe('/s/[token]');
    expect(redactUrl('/S/abc')).toBe('/S/[token]');
    expect(redactUrl('/api/v1/measurements/1?x=2')).toBe('/api/v1/measurements/1?x=2');
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once an address sent too many survey requests, and only to that address', async () => {
    const [token] = await links(t.app, w);
    const from = (remoteAddress: string) => t.app.inject({ method: 'GET', url: `/api/v1/survey/${token}`, remoteAddress });
    for (let i = 0; i < LIMIT; i++) expect((await from('10.9.9.9')).statusCode).toBe(200);
    const limited = await from('10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await submit(t.app, token!, {}, '10.9.9.9')).statusCode).toBe(429);
    expect((await from('10.9.9.10')).statusCode).toBe(200);
  });
});
