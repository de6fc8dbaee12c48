import { socialSafety_1_0_0 } from '@socialsafety/instrument';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { measurementCases, newMeasurement, type CaseContext, type Who } from './access-measurement-cases';
import { ADMIN, startTestApp, type TestApp } from './helper';
import { createOrganisation, createUser, grantRole, importUnits, PASSWORD, signIn, type Session } from './sessions';

/**
 * Role × route: every registered /api route that is not public is listed here with the principals allowed to use
 * it. Anonymous gets 401, every other principal 403, every allowed one a 2xx. A route missing from this table fails
 * the suite, so a new route cannot ship without its authorisation being tested.
 */
const everyone: Who[] = ['platformAdmin', 'orgAdmin', 'analyst', 'unitViewer', 'researcher', 'outsider', 'noRole'];
const inOrganisation: Who[] = ['platformAdmin', 'orgAdmin', 'analyst', 'unitViewer', 'researcher'];
const admins: Who[] = ['platformAdmin', 'orgAdmin'];
const platform: Who[] = ['platformAdmin'];

interface Case {
  allowed: Who[];
  /** Builds the request; may create what it needs. `fresh`: use a new session (the request ends or changes it). */
  request: (who: Who) => Promise<InjectOptions> | InjectOptions;
  fresh?: boolean;
}

let t: TestApp;
const sessions = {} as Record<Who, Session>;
const emails = {} as Record<Who, string>;
let orgA = '';
let units: Record<string, string> = {};
let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;
let measurementA = '';
const context: CaseContext = {
  app: () => t.app,
  admin: () => sessions.platformAdmin,
  organisationId: () => orgA,
  measurementId: () => measurementA,
  unique,
};
const passwordOf = (who: Who) => (who === 'platformAdmin' ? ADMIN.password : PASSWORD);
const tree = [
  { code: 'ROOT', name: 'Company', parentCode: null },
  { code: 'SALES', name: 'Sales', parentCode: 'ROOT' },
  { code: 'NORTH', name: 'Sales north', parentCode: 'SALES' },
  { code: 'OPS', name: 'Operations', parentCode: 'ROOT' },
];

function draft(version: string) {
  return { ...structuredClone(socialSafety_1_0_0), version };
}

async function createDraft(version: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/questionnaires/social-safety/versions',
    headers: sessions.platformAdmin.headers,
    payload: draft(version),
  });
  expect(res.statusCode).toBe(201);
}

const cases: Record<string, Case> = {
  'POST /api/v1/auth/logout': { allowed: everyone, fresh: true, request: () => ({ method: 'POST', url: '/api/v1/auth/logout' }) },
  'GET /api/v1/me': { allowed: everyone, request: () => ({ method: 'GET', url: '/api/v1/me' }) },
  'PUT /api/v1/me/password': {
    allowed: everyone,
    fresh: true,
    request: (who) => {
      const password = passwordOf(who);
      return { method: 'PUT', url: '/api/v1/me/password', payload: { currentPassword: password, newPassword: password } };
    },
  },
  'GET /api/v1/me/tokens': { allowed: everyone, request: () => ({ method: 'GET', url: '/api/v1/me/tokens' }) },
  'POST /api/v1/me/tokens': { allowed: everyone, request: () => ({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'script' } }) },
  'DELETE /api/v1/me/tokens/:tokenId': {
    allowed: everyone,
    request: async (who) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: sessions[who].headers, payload: { name: 'x' } });
      return { method: 'DELETE', url: `/api/v1/me/tokens/${res.json().id}` };
    },
  },
  'GET /api/v1/users': { allowed: platform, request: () => ({ method: 'GET', url: '/api/v1/users' }) },
  'POST /api/v1/users': {
    allowed: platform,
    request: () => ({ method: 'POST', url: '/api/v1/users', payload: { email: `${unique('new')}@example.test`, password: PASSWORD } }),
  },
  'PATCH /api/v1/users/:userId': {
    allowed: platform,
    request: async () => {
      const id = await createUser(t.app, sessions.platformAdmin, `${unique('gone')}@example.test`);
      return { method: 'PATCH', url: `/api/v1/users/${id}`, payload: { disabled: true } };
    },
  },
  'GET /api/v1/audit': { allowed: platform, request: () => ({ method: 'GET', url: '/api/v1/audit' }) },
  'GET /api/v1/organisations': { allowed: everyone, request: () => ({ method: 'GET', url: '/api/v1/organisations' }) },
  'POST /api/v1/organisations': {
    allowed: platform,
    request: () => ({ method: 'POST', url: '/api/v1/organisations', payload: { name: unique('Org') } }),
  },
  'GET /api/v1/organisations/:id': { allowed: inOrganisation, request: () => ({ method: 'GET', url: `/api/v1/organisations/${orgA}` }) },
  'GET /api/v1/organisations/:id/units': {
    allowed: inOrganisation,
    request: () => ({ method: 'GET', url: `/api/v1/organisations/${orgA}/units` }),
  },
  'PUT /api/v1/organisations/:id/units': {
    allowed: admins,
    request: () => ({ method: 'PUT', url: `/api/v1/organisations/${orgA}/units`, payload: tree }),
  },
  'GET /api/v1/organisations/:id/grants': { allowed: admins, request: () => ({ method: 'GET', url: `/api/v1/organisations/${orgA}/grants` }) },
  'POST /api/v1/organisations/:id/grants': {
    allowed: admins,
    request: async () => {
      const email = `${unique('granted')}@example.test`;
      await createUser(t.app, sessions.platformAdmin, email);
      return { method: 'POST', url: `/api/v1/organisations/${orgA}/grants`, payload: { email, role: 'analyst' } };
    },
  },
  'DELETE /api/v1/organisations/:id/grants/:grantId': {
    allowed: admins,
    request: async () => {
      const email = `${unique('revoked')}@example.test`;
      await createUser(t.app, sessions.platformAdmin, email);
      const grantId = await grantRole(t.app, sessions.platformAdmin, orgA, email, 'researcher');
      return { method: 'DELETE', url: `/api/v1/organisations/${orgA}/grants/${grantId}` };
    },
  },
  'GET /api/v1/organisations/:id/audit': { allowed: admins, request: () => ({ method: 'GET', url: `/api/v1/organisations/${orgA}/audit` }) },
  'POST /api/v1/questionnaires/:key/versions': {
    allowed: platform,
    request: () => ({ method: 'POST', url: '/api/v1/questionnaires/social-safety/versions', payload: draft(`2.0.${++counter}`) }),
  },
  'PUT /api/v1/questionnaires/:key/versions/:version': {
    allowed: platform,
    request: async (who) => {
      const version = `3.0.${++counter}`;
      if (who === 'platformAdmin') await createDraft(version);
      return { method: 'PUT', url: `/api/v1/questionnaires/social-safety/versions/${version}`, payload: draft(version) };
    },
  },
  'POST /api/v1/questionnaires/:key/versions/:version/publish': {
    allowed: platform,
    request: async (who) => {
      const version = `4.0.${++counter}`;
      if (who === 'platformAdmin') await createDraft(version);
      return { method: 'POST', url: `/api/v1/questionnaires/social-safety/versions/${version}/publish` };
    },
  },
  ...measurementCases(context),
  // Registered by this test only: a unit-scoped action, as result routes will be. The unit viewer is granted SALES;
  // NORTH is inside that subtree. Platform administrators need a grant to see results.
  'GET /api/v1/organisations/:id/test-results/:unitId': {
    allowed: ['orgAdmin', 'analyst', 'unitViewer'],
    request: () => ({ method: 'GET', url: `/api/v1/organisations/${orgA}/test-results/${units.NORTH}` }),
  },
};

/** /api routes anyone may call: kept explicit, so making a route public is a visible decision. */
const publicRoutes = [
  'POST /api/v1/auth/login',
  'GET /api/v1/questionnaires',
  'GET /api/v1/questionnaires/:key/versions/:version',
  'GET /api/v1/survey/:token',
  'PUT /api/v1/survey/:token/draft',
  'POST /api/v1/survey/:token/responses',
];

function registered(app: App) {
  return app.routeAccess.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
}

beforeAll(async () => {
  t = await startTestApp((app) => {
    app.get(
      '/api/v1/organisations/:id/test-results/:unitId',
      { config: { access: { action: 'results.read', organisationFrom: 'params.id', unitFrom: 'params.unitId' } } },
      async () => ({ ok: true }),
    );
  });
  sessions.platformAdmin = await signIn(t.app, ADMIN.email, ADMIN.password);
  emails.platformAdmin = ADMIN.email;
  orgA = await createOrganisation(t.app, sessions.platformAdmin, 'Org A');
  const orgB = await createOrganisation(t.app, sessions.platformAdmin, 'Org B');
  units = await importUnits(t.app, sessions.platformAdmin, orgA, tree);
  const roles: [Who, string, string, string?][] = [
    ['orgAdmin', orgA, 'org_admin'],
    ['analyst', orgA, 'analyst'],
    ['unitViewer', orgA, 'unit_viewer', units.SALES],
    ['researcher', orgA, 'researcher'],
    ['outsider', orgB, 'org_admin'],
  ];
  for (const [who, org, role, unitId] of roles) {
    emails[who] = `${who.toLowerCase()}@example.test`;
    await createUser(t.app, sessions.platformAdmin, emails[who]);
    await grantRole(t.app, sessions.platformAdmin, org, emails[who], role, unitId);
  }
  emails.noRole = 'norole@example.test';
  await createUser(t.app, sessions.platformAdmin, emails.noRole);
  for (const who of everyone.filter((w) => w !== 'platformAdmin')) sessions[who] = await signIn(t.app, emails[who]);
  measurementA = await newMeasurement(context, true);
});

afterAll(async () => {
  await t?.close();
});

describe('the route table', () => {
  it('covers every registered route that is not public, and lists nothing that is not registered', () => {
    const routes = registered(t.app);
    const protectedRoutes = routes.filter((r) => r.access !== 'public').map((r) => `${r.method} ${r.url}`);
    expect(protectedRoutes.filter((key) => !(key in cases))).toEqual([]);
    expect(Object.keys(cases).filter((key) => !protectedRoutes.includes(key))).toEqual([]);
    expect(routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`).sort()).toEqual([...publicRoutes].sort());
  });

  it('agrees with the OpenAPI document: no /api path is served outside the access registry', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, object> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const known = registered(t.app).map((r) => `${r.method} ${r.url}`);
    expect(documented.filter((key) => key.includes(' /api/') && !known.includes(key))).toEqual([]);
  });

  it('refuses to register an /api route without an access rule', async () => {
    let refused: unknown;
    const bare = await startTestApp((app) => {
      try {
        app.get('/api/v1/forgotten', async () => ({}));
      } catch (error) {
        refused = error;
      }
    });
    await bare.close();
    expect(String(refused)).toMatch(/GET \/api\/v1\/forgotten declares no access rule/);
  });
});

describe.each(Object.entries(cases))('%s', (key, testCase) => {
  it('rejects anonymous callers with 401', async () => {
    const options = await testCase.request('noRole');
    const res = await t.app.inject(options);
    expect(res.statusCode, res.body).toBe(401);
  });

  it.each(everyone)('as %s', async (who) => {
    const fresh = testCase.fresh && testCase.allowed.includes(who);
    const session = fresh ? await signIn(t.app, emails[who], passwordOf(who)) : sessions[who];
    const options = await testCase.request(who);
    const res = await t.app.inject({ ...options, headers: { ...session.headers, ...(options.headers ?? {}) } } as InjectOptions);
    // A password change ends every session of the account: sign in again for the cases that follow.
    if (fresh) sessions[who] = await signIn(t.app, emails[who], passwordOf(who));
    if (testCase.allowed.includes(who)) {
      expect(res.statusCode, `${key} as ${who}: ${res.body}`).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, `${key} as ${who}: ${res.body}`).toBeLessThan(300);
    } else {
      expect(res.statusCode, `${key} as ${who}: ${res.body}`).toBe(403);
    }
  });
});

describe('unit-scoped access', () => {
  it('lets a unit viewer reach units inside the granted subtree only', async () => {
    const url = (unit: string) => `/api/v1/organisations/${orgA}/test-results/${unit}`;
    const viewer = sessions.unitViewer.headers;
    expect((await t.app.inject({ method: 'GET', url: url(units.SALES!), headers: viewer })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: url(units.OPS!), headers: viewer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: url(units.ROOT!), headers: viewer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: url('not-a-unit'), headers: viewer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: url(units.OPS!), headers: sessions.analyst.headers })).statusCode).toBe(200);
  });

  it('shows a unit viewer only their subtree of the tree', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${orgA}/units?format=flat`, headers: sessions.unitViewer.headers });
    expect(res.json().units.map((u: { code: string }) => u.code)).toEqual(['SALES', 'NORTH']);
    expect(res.json().units[0].parentId).toBeNull();
  });

  it('lists only the organisations a person holds a role in', async () => {
    const list = async (who: Who) =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: sessions[who].headers })).json().organisations.map(
        (o: { name: string }) => o.name,
      );
    expect(await list('analyst')).toEqual(['Org A']);
    expect(await list('outsider')).toEqual(['Org B']);
    expect(await list('noRole')).toEqual([]);
    expect(await list('platformAdmin')).toEqual(expect.arrayContaining(['Org A', 'Org B']));
  });

  it('shows a unit viewer only their subtree of a measurement', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/measurements/${measurementA}/units`, headers: sessions.unitViewer.headers });
    expect(res.json().units.map((u: { code: string }) => u.code).sort()).toEqual(['NORTH', 'SALES']);
    const participation = await t.app.inject({
      method: 'GET',
      url: `/api/v1/measurements/${measurementA}/participation`,
      headers: sessions.unitViewer.headers,
    });
    expect(participation.json().units.map((u: { code: string }) => u.code).sort()).toEqual(['NORTH', 'SALES']);
  });

  it('answers 404 for a measurement that does not exist, after authentication', async () => {
    const url = '/api/v1/measurements/00000000-0000-4000-8000-000000000000';
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url, headers: sessions.outsider.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/measurements/nope', headers: sessions.analyst.headers })).statusCode).toBe(404);
  });

  it('answers HEAD like GET', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: `/api/v1/organisations/${orgA}` });
    expect(res.statusCode).toBe(401);
  });
});
