import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApp, type TestApp } from './helper';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp((app) => {
    // Routes that exist only in this test, to exercise the shared error policy.
    app.get('/api/v1/test/boom', { config: { access: 'public' } }, async () => {
      throw new Error('database password is hunter2');
    });
    app.get(
      '/api/v1/test/echo',
      { config: { access: 'public' }, schema: { querystring: z.object({ depth: z.coerce.number().int().min(1).max(6) }) } },
      async (request) => ({ depth: request.query.depth }),
    );
    app.post('/api/v1/test/body', { config: { access: 'public' }, schema: { body: z.object({ name: z.string().min(1) }) } }, async (request) => ({
      name: request.body.name,
    }));
  });
});

afterAll(async () => {
  await t?.close();
});

describe('GET /health', () => {
  it('reports the process and a working database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.database).toMatchObject({ status: 'up', kind: t.database.kind });
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    // Public endpoint: nothing about where the data lives.
    expect(res.body).not.toMatch(/location|memory:\/\/|postgres:\/\/|\.data/);
  });

  it('sends security headers on every response, errors and unknown paths included', async () => {
    const expected = {
      'content-security-policy':
        "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';" +
        "img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    };
    const answers = await Promise.all([
      t.app.inject({ method: 'GET', url: '/health' }),
      t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' }),
      t.app.inject({ method: 'POST', url: '/api/v1/survey/some-token/responses', payload: {} }),
    ]);
    expect(answers.map((res) => res.statusCode)).toEqual([200, 404, 400]);
    for (const res of answers) {
      expect(res.headers).toMatchObject(expected);
      // Not in development or tests: HSTS only when NODE_ENV=production (a browser would remember it for localhost).
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('tells browsers to keep to HTTPS in production', async () => {
    const production = await startTestApp(undefined, { NODE_ENV: 'production' });
    try {
      const res = await production.app.inject({ method: 'GET', url: '/health' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await production.close();
    }
  });
});

describe('OpenAPI', () => {
  it('describes the API as JSON and serves the browsable UI at /docs', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(json.statusCode).toBe(200);
    const doc = json.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/health'].get.responses['200']).toBeDefined();
    const ui = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
    expect(ui.body).toMatch(/swagger-ui/i);
  });
});

describe('error policy', () => {
  it('hides the message of an unexpected error behind a generic 500', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/test/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong on our side. It has been logged.' } });
    expect(res.body).not.toContain('hunter2');
  });

  it('names the invalid field in a 400', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/test/echo?depth=9' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(/querystring\.depth/);
    expect(body.error.details.issues[0].field).toBe('querystring.depth');
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/test/echo?depth=3' });
    expect(ok.json()).toEqual({ depth: 3 });
  });

  it('answers malformed JSON with a 400 in the same shape', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/body',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('FST_ERR_CTP_INVALID_JSON_BODY');
    expect(typeof res.json().error.message).toBe('string');
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route for GET /api/v1/nothing-here' } });
  });
});

describe('web app', () => {
  it('serves the built app at / and falls back to it for deep links', async () => {
    const root = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('fixture app');
    const deep = await t.app.inject({ method: 'GET', url: '/status', headers: { accept: 'text/html' } });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('fixture app');
    expect(deep.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets as immutable and does not fall back for missing files', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const missing = await t.app.inject({ method: 'GET', url: '/assets/missing.js', headers: { accept: 'text/html' } });
    expect(missing.statusCode).toBe(404);
  });
});
