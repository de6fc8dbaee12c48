import { SurveyRequestError } from './http';
import { linkProblemOf, type LinkProblem } from './problems';
import { RetryTimer, retryDelayMs } from './retry';
import { saveDraft, type AnswerSet } from './survey-api';

/** How far the answers are on their way to the server, as the person is told. */
export type SaveState =
  | { kind: 'device' }
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; recovered: boolean }
  | { kind: 'offline' }
  | { kind: 'waiting' }
  | { kind: 'refused'; message: string };

/** How long typing or clicking must pause before the draft goes to the server. */
export const SAVE_DELAY_MS = 1200;

export interface DraftSaverHooks {
  token: string;
  /** What to save now. */
  answerSet: () => AnswerSet;
  /** False once saving makes no sense any more (sending started, the survey ended). */
  active: () => boolean;
  /** The server has the answers: `complete` when nothing changed meanwhile. */
  onSaved: (updatedAt: string, complete: boolean) => void;
  /** The link can no longer be used (answers sent elsewhere, survey closed, link withdrawn). */
  onProblem: (problem: LinkProblem) => void;
}

/**
 * Keeps a personal link's draft on the server up to date: after a pause in answering, at once on request, and again
 * and again while the network or the server fails. Changes made while a save is under way follow after it.
 */
export class DraftSaver {
  state = $state.raw<SaveState>({ kind: 'idle' });

  #revision = 0;
  #savedRevision = 0;
  #saving = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #retry = new RetryTimer();
  #attempt = 0;

  constructor(private readonly hooks: DraftSaverHooks) {}

  get unsaved(): boolean {
    return this.#revision !== this.#savedRevision;
  }

  /** The answers changed: save them after the usual pause. */
  changed(): void {
    this.#revision++;
    this.#schedule();
  }

  /** Saves now if anything is unsaved (a page turn). */
  async saveNow(): Promise<void> {
    this.#clearTimer();
    if (this.#saving || !this.unsaved || !this.hooks.active()) return;
    this.#retry.cancel();
    const revision = this.#revision;
    const recovering = this.state.kind === 'offline' || this.state.kind === 'waiting';
    this.#saving = true;
    this.state = { kind: 'saving' };
    try {
      const { updatedAt } = await saveDraft(this.hooks.token, this.hooks.answerSet());
      if (!this.hooks.active()) return;
      this.#savedRevision = revision;
      this.#attempt = 0;
      this.state = { kind: 'saved', recovered: recovering };
      this.hooks.onSaved(updatedAt, revision === this.#revision);
    } catch (error) {
      if (this.hooks.active()) this.#failed(error);
    } finally {
      this.#saving = false;
    }
    if (this.unsaved && this.state.kind === 'saved') this.#schedule();
  }

  /** "Try again now". */
  retryNow(): void {
    if (this.state.kind === 'offline' || this.state.kind === 'waiting') void this.saveNow();
  }

  /** The page is being hidden or closed: a last save with a request that outlives the page. */
  flush(): void {
    if (!this.unsaved || !this.hooks.active()) return;
    void saveDraft(this.hooks.token, this.hooks.answerSet(), true).catch(() => {
      // The copy in this browser remains; it is sent when the link is opened again.
    });
  }

  cancel(): void {
    this.#clearTimer();
    this.#retry.cancel();
  }

  #failed(error: unknown): void {
    const problem = linkProblemOf(error);
    if (problem) return this.hooks.onProblem(problem);
    if (error instanceof SurveyRequestError && error.transient) {
      this.state = { kind: error.status === 0 ? 'offline' : 'waiting' };
      this.#retry.schedule(retryDelayMs(this.#attempt++, error.retryAfterSeconds), () => void this.saveNow());
    } else {
      this.state = { kind: 'refused', message: error instanceof Error ? error.message : String(error) };
    }
  }

  #schedule(): void {
    this.#clearTimer();
    this.#timer = setTimeout(() => void this.saveNow(), SAVE_DELAY_MS);
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
