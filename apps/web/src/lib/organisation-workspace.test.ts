import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import { OrganisationWorkspace } from './organisation-workspace.svelte';
import type { ApiClient } from './session.svelte';

/** The workspace talks to an ApiClient; here a fixed one, so that the workspace is the unit under test. */
function client(get: (path: string) => unknown, send: ApiClient['send'] = vi.fn()): ApiClient & { get: ReturnType<typeof vi.fn> } {
  return { get: vi.fn(async (path: string) => get(path)), send } as ApiClient & { get: ReturnType<typeof vi.fn> };
}

const tree = { format: 'tree', units: [{ id: 'u1', code: 'A', name: 'Alpha', children: [] }] };

describe('OrganisationWorkspace', () => {
  it('returns the problems of a refused tree instead of throwing, and keeps the old tree', async () => {
    const problems = [{ kind: 'empty_name', line: 2, code: 'A', message: '' }];
    const api = client(() => tree, async () => {
      throw new ApiError(422, 'UNIT_TREE_INVALID', '1 problem', { problems, total: 1 });
    });
    const workspace = new OrganisationWorkspace(api, 'org-1');
    await workspace.loadUnits();
    expect(await workspace.importUnits('code;name;parent_code\nA;;')).toEqual({ kind: 'invalid', problems, total: 1 });
    expect(workspace.units).toEqual({ state: 'ready', value: tree.units });
  });

  it('sends CSV as text/csv and reloads the tree and the organisation after an import', async () => {
    const counts = { units: 1, created: 1, updated: 0, removed: 0, unchanged: 0 };
    const send = vi.fn(async () => counts);
    const api = client((path) => (path.endsWith('/units') ? tree : { id: 'org-1', name: 'Acme', unitCount: 1 }), send as ApiClient['send']);
    const workspace = new OrganisationWorkspace(api, 'org-1');
    expect(await workspace.importUnits('code;name;parent_code\nA;Alpha;')).toEqual({ kind: 'imported', counts });
    expect(send).toHaveBeenCalledWith('PUT', '/api/v1/organisations/org-1/units', {
      text: 'code;name;parent_code\nA;Alpha;',
      type: 'text/csv; charset=utf-8',
    });
    expect(api.get.mock.calls.map(([path]) => path).sort()).toEqual(['/api/v1/organisations/org-1', '/api/v1/organisations/org-1/units']);
    expect(workspace.units.state).toBe('ready');
  });

  it('pages through the audit log, older entries after newer ones', async () => {
    const api = client((path) =>
      path.includes('before=')
        ? { events: [{ id: 1, action: 'organisation.create' }], nextBefore: null }
        : { events: [{ id: 3, action: 'grant.create' }, { id: 2, action: 'units.import' }], nextBefore: 2 },
    );
    const workspace = new OrganisationWorkspace(api, 'org-1');
    await workspace.loadAudit();
    expect(workspace.auditHasMore).toBe(true);
    expect(await workspace.loadOlderAudit()).toBe(1);
    expect(api.get).toHaveBeenLastCalledWith('/api/v1/organisations/org-1/audit?limit=50&before=2');
    expect(workspace.audit.state === 'ready' && workspace.audit.value.map((e) => e.id)).toEqual([3, 2, 1]);
    expect(workspace.auditHasMore).toBe(false);
  });

  it('keeps a failed load as an error to show', async () => {
    const api = client(() => {
      throw new ApiError(403, 'FORBIDDEN', 'no');
    });
    const workspace = new OrganisationWorkspace(api, 'org-1');
    await workspace.loadGrants();
    expect(workspace.grants).toMatchObject({ state: 'failed', error: { code: 'FORBIDDEN' } });
  });
});
