import { ApiError } from './api';
import {
  unitProblems,
  type AuditEvent,
  type AuditPage,
  type Grant,
  type ImportCounts,
  type NewGrant,
  type Organisation,
  type UnitNode,
  type UnitProblem,
} from './organisations';
import type { ApiClient } from './session.svelte';

/** What a unit import came to: imported, or refused with every problem listed (nothing was written). */
export type ImportOutcome = { kind: 'imported'; counts: ImportCounts } | { kind: 'invalid'; problems: UnitProblem[]; total: number };

/** Something loaded from the API: not yet, loaded, or failed with an error to show. */
export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

const AUDIT_PAGE_SIZE = 50;

/**
 * One organisation as its page shows it: the organisation, its unit tree, its grants and its audit log, each loaded
 * when a section first needs it and reloaded after a change. Errors other than a refused unit tree are thrown to the
 * caller, which shows them next to what the person did.
 */
export class OrganisationWorkspace {
  readonly id: string;
  readonly #api: ApiClient;
  readonly #base: string;

  #organisation = $state.raw<Loadable<Organisation>>({ state: 'loading' });
  #units = $state.raw<Loadable<UnitNode[]>>({ state: 'loading' });
  #grants = $state.raw<Loadable<Grant[]>>({ state: 'loading' });
  #audit = $state.raw<Loadable<AuditEvent[]>>({ state: 'loading' });
  #auditNext = $state<number | null>(null);
  #auditLoadingMore = $state(false);

  constructor(api: ApiClient, id: string) {
    this.#api = api;
    this.id = id;
    this.#base = `/api/v1/organisations/${encodeURIComponent(id)}`;
  }

  get organisation() {
    return this.#organisation;
  }
  get units() {
    return this.#units;
  }
  get grants() {
    return this.#grants;
  }
  get audit() {
    return this.#audit;
  }
  /** Whether older audit entries exist. */
  get auditHasMore(): boolean {
    return this.#auditNext !== null;
  }
  get auditLoadingMore(): boolean {
    return this.#auditLoadingMore;
  }

  async load(): Promise<void> {
    this.#organisation = await settle(this.#api.get<Organisation>(this.#base));
  }

  async loadUnits(): Promise<void> {
    this.#units = await settle(this.#api.get<{ units: UnitNode[] }>(`${this.#base}/units`).then((r) => r.units));
  }

  /** Replaces the tree with CSV text. A 422 comes back as the list of problems; other errors are thrown. */
  async importUnits(csv: string): Promise<ImportOutcome> {
    let counts: ImportCounts;
    try {
      counts = await this.#api.send<ImportCounts>('PUT', `${this.#base}/units`, { text: csv, type: 'text/csv; charset=utf-8' });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNIT_TREE_INVALID') return { kind: 'invalid', ...unitProblems(error.details) };
      throw error;
    }
    await Promise.all([this.loadUnits(), this.load()]);
    return { kind: 'imported', counts };
  }

  async loadGrants(): Promise<void> {
    this.#grants = await settle(this.#api.get<{ grants: Grant[] }>(`${this.#base}/grants`).then((r) => r.grants));
  }

  async addGrant(grant: NewGrant): Promise<Grant> {
    const created = await this.#api.send<Grant>('POST', `${this.#base}/grants`, {
      json: { email: grant.email, role: grant.role, ...(grant.unitId ? { unitId: grant.unitId } : {}) },
    });
    await this.loadGrants();
    return created;
  }

  async removeGrant(grant: Grant): Promise<void> {
    await this.#api.send('DELETE', `${this.#base}/grants/${encodeURIComponent(grant.id)}`);
    await this.loadGrants();
  }

  /** The newest page of the audit log. */
  async loadAudit(): Promise<void> {
    const page = await settle(this.#api.get<AuditPage>(`${this.#base}/audit?limit=${AUDIT_PAGE_SIZE}`));
    this.#audit = page.state === 'ready' ? { state: 'ready', value: page.value.events } : page;
    this.#auditNext = page.state === 'ready' ? page.value.nextBefore : null;
  }

  /** Appends the next older page; returns how many entries it added. */
  async loadOlderAudit(): Promise<number> {
    const current = this.#audit;
    if (current.state !== 'ready' || this.#auditNext === null) return 0;
    this.#auditLoadingMore = true;
    try {
      const page = await this.#api.get<AuditPage>(`${this.#base}/audit?limit=${AUDIT_PAGE_SIZE}&before=${this.#auditNext}`);
      this.#audit = { state: 'ready', value: [...current.value, ...page.events] };
      this.#auditNext = page.nextBefore;
      return page.events.length;
    } finally {
      this.#auditLoadingMore = false;
    }
  }
}

async function settle<T>(promise: Promise<T>): Promise<Loadable<T>> {
  try {
    return { state: 'ready', value: await promise };
  } catch (error) {
    return { state: 'failed', error };
  }
}
