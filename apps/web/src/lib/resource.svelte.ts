import type { Loadable } from './organisation-workspace.svelte';

/**
 * One thing loaded from the API for a changing request (another metric, another unit). While the next answer is on
 * its way the last one stays shown (`refreshing` is true), so that the page does not jump; an answer that arrives
 * after a newer request was made is dropped.
 */
export class Resource<T> {
  #state = $state.raw<Loadable<T>>({ state: 'loading' });
  #refreshing = $state(false);
  #key: string | null = null;

  get current(): Loadable<T> {
    return this.#state;
  }

  get refreshing(): boolean {
    return this.#refreshing;
  }

  async load(key: string, fetch: () => Promise<T>): Promise<void> {
    if (key === this.#key) return;
    this.#key = key;
    this.#refreshing = this.#state.state === 'ready';
    if (this.#state.state === 'failed') this.#state = { state: 'loading' };
    let next: Loadable<T>;
    try {
      next = { state: 'ready', value: await fetch() };
    } catch (error) {
      next = { state: 'failed', error };
    }
    if (this.#key !== key) return;
    this.#state = next;
    this.#refreshing = false;
  }
}
