import type {
  LinkSummaryUnit,
  Links,
  Measurement,
  MeasurementUnit,
  MeasurementUnits,
  NewMeasurement,
  Participation,
} from './measurements';
import type { Loadable } from './organisation-workspace.svelte';
import type { UnitNode } from './organisations';
import type { ApiClient } from './session.svelte';

async function settle<T>(promise: Promise<T>): Promise<Loadable<T>> {
  try {
    return { state: 'ready', value: await promise };
  } catch (error) {
    return { state: 'failed', error };
  }
}

/** The organisation's live tree, flattened like a frozen copy: links for a draft are made from it. */
function flatten(nodes: readonly UnitNode[], parentId: string | null = null, out: MeasurementUnit[] = []): MeasurementUnit[] {
  for (const node of nodes) {
    out.push({ id: node.id, code: node.code, name: node.name, parentId });
    flatten(node.children, node.id, out);
  }
  return out;
}

/** The measurements of one organisation: the list, and creating one. */
export class MeasurementList {
  readonly #api: ApiClient;
  readonly #base: string;
  #measurements = $state.raw<Loadable<Measurement[]>>({ state: 'loading' });

  constructor(api: ApiClient, organisationId: string) {
    this.#api = api;
    this.#base = `/api/v1/organisations/${encodeURIComponent(organisationId)}/measurements`;
  }

  get measurements() {
    return this.#measurements;
  }

  async load(): Promise<void> {
    this.#measurements = await settle(this.#api.get<{ measurements: Measurement[] }>(this.#base).then((r) => r.measurements));
  }

  /** Creates a draft; errors (422 MEASUREMENT_INVALID with its issues, ...) are thrown to the form. */
  async create(measurement: NewMeasurement): Promise<Measurement> {
    const created = await this.#api.send<Measurement>('POST', this.#base, { json: measurement });
    await this.load();
    return created;
  }
}

/**
 * One measurement as its page shows it: the measurement, the units links can be made for (the frozen copy, or the
 * live tree while nothing is frozen), the links handed out per unit, and participation. Writes throw to the caller,
 * which shows the API's reason next to the button.
 */
export class MeasurementWorkspace {
  readonly id: string;
  readonly #api: ApiClient;
  readonly #base: string;

  #measurement = $state.raw<Loadable<Measurement>>({ state: 'loading' });
  #units = $state.raw<Loadable<MeasurementUnit[]>>({ state: 'loading' });
  #summary = $state.raw<Loadable<LinkSummaryUnit[]>>({ state: 'loading' });
  #participation = $state.raw<Loadable<Participation>>({ state: 'loading' });

  constructor(api: ApiClient, id: string) {
    this.#api = api;
    this.id = id;
    this.#base = `/api/v1/measurements/${encodeURIComponent(id)}`;
  }

  get measurement() {
    return this.#measurement;
  }
  get units() {
    return this.#units;
  }
  get summary() {
    return this.#summary;
  }
  get participation() {
    return this.#participation;
  }

  async load(): Promise<void> {
    this.#measurement = await settle(this.#api.get<Measurement>(this.#base));
  }

  async loadUnits(): Promise<void> {
    this.#units = await settle(
      this.#api.get<MeasurementUnits>(`${this.#base}/units`).then(async (answer) => {
        if (answer.frozen) return answer.units;
        const current = this.#measurement;
        if (current.state !== 'ready') return [];
        const live = await this.#api.get<{ units: UnitNode[] }>(`/api/v1/organisations/${encodeURIComponent(current.value.organisationId)}/units`);
        return flatten(live.units);
      }),
    );
  }

  async loadSummary(): Promise<void> {
    this.#summary = await settle(this.#api.get<{ units: LinkSummaryUnit[] }>(`${this.#base}/invitations/summary`).then((r) => r.units));
  }

  async loadParticipation(): Promise<void> {
    this.#participation = await settle(this.#api.get<Participation>(`${this.#base}/participation`));
  }

  async open(): Promise<void> {
    this.#measurement = { state: 'ready', value: await this.#api.send<Measurement>('POST', `${this.#base}/open`) };
    await this.loadUnits();
  }

  async close(): Promise<void> {
    this.#measurement = { state: 'ready', value: await this.#api.send<Measurement>('POST', `${this.#base}/close`) };
  }

  /** Makes `count` personal links for a unit. The answer is the only time the links are ever shown. */
  async createLinks(unitCode: string, count: number): Promise<Links> {
    const made = await this.#api.send<Links>('POST', `${this.#base}/invitations`, { json: { unitCode, kind: 'personal', count } });
    // The first links of a draft freeze the tree: read the measurement and its units again.
    await this.load();
    await Promise.all([this.loadUnits(), this.loadSummary(), this.loadParticipation()]);
    return made;
  }

  /** Withdraws the personal links of a unit; answers already given stay. Returns how many were withdrawn. */
  async revokeLinks(unitCode: string): Promise<number> {
    const { revoked } = await this.#api.send<{ revoked: number }>('POST', `${this.#base}/invitations/revoke`, {
      json: { unitCode, kind: 'personal' },
    });
    await Promise.all([this.loadSummary(), this.loadParticipation()]);
    return revoked;
  }
}
