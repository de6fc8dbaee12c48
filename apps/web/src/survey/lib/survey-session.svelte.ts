import type { AnswerValue } from '@socialsafety/instrument';
import { DraftSaver, type SaveState } from './draft-saver.svelte';
import { SurveyRequestError } from './http';
import { localCopyKey, readLocalCopy, removeLocalCopy, writeLocalCopy, type LocalCopy } from './local-copy';
import { linkProblemOf, loadProblemOf, type LinkProblem } from './problems';
import { answeredCount, answersToSend, isAnswered, missingRequired, resumeSection, visibleIds, type Questionnaire } from './questionnaire';
import { RetryTimer, retryDelayMs } from './retry';
import { startingPoint } from './starting-point';
import { neighbour, stepsOf, type Step } from './steps';
import { newSubmissionId } from './submission-id';
import { fetchSurvey, sendResponse, type AnswerSet, type Answers, type Demographics, type Receipt, type SurveyData } from './survey-api';

export type { SaveState };
export { SAVE_DELAY_MS } from './draft-saver.svelte';

export type SendState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'offline' }
  | { kind: 'busy' }
  | { kind: 'refused'; message: string };

export type Phase = 'loading' | 'problem' | 'answering' | 'done';

function browserLanguage(): string | undefined {
  const tag = typeof navigator === 'undefined' ? undefined : navigator.languages?.[0];
  return tag ? tag.slice(0, 2).toLowerCase() : undefined;
}

/**
 * One person answering with one link: loads the survey, keeps the answers (in memory, in this browser and, for a
 * personal link, as a draft on the server), moves through the steps and sends the answers exactly once.
 */
export class SurveySession {
  phase = $state<Phase>('loading');
  problem = $state.raw<LinkProblem | null>(null);
  data = $state.raw<SurveyData | null>(null);
  answers = $state<Answers>({});
  demographics = $state<Demographics>({});
  stepIndex = $state(0);
  /** The step whose missing required answers are pointed out (set when someone tried to move on). */
  checkedStep = $state<number | null>(null);
  send = $state.raw<SendState>({ kind: 'idle' });
  receipt = $state.raw<Receipt | null>(null);
  switching = $state(false);
  switchFailed = $state<'offline' | 'busy' | null>(null);
  /** How many answers were found from an earlier visit (0 for a fresh start). */
  resumedCount = $state(0);

  readonly questionnaire: Questionnaire | null = $derived(this.data?.questionnaire ?? null);
  readonly steps: Step[] = $derived(this.questionnaire ? stepsOf(this.questionnaire) : []);
  readonly step: Step | undefined = $derived(this.steps[this.stepIndex]);
  // A new set for every change of the answers, never changed in place: a plain Set is right here.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly visible: Set<string> = $derived(this.questionnaire ? visibleIds(this.questionnaire, this.answers) : new Set());

  /** Items of the current step that must be answered before moving on, once someone tried to. */
  readonly missing = $derived.by(() => {
    const step = this.step;
    if (!this.questionnaire || step?.kind !== 'section' || this.checkedStep !== this.stepIndex) return [];
    return missingRequired(this.questionnaire.sections[step.index]!, this.visible, this.answers);
  });

  /** Every required question that is shown and not answered, over all sections (for the review step). */
  readonly allMissing = $derived.by(() => {
    const q = this.questionnaire;
    return q ? q.sections.flatMap((section) => missingRequired(section, this.visible, this.answers)) : [];
  });

  readonly #key: string;
  /** Only for a personal link: an open link has no draft on the server. */
  #saver = $state.raw<DraftSaver | null>(null);
  #serverUpdatedAt: string | null = null;
  #submissionId: string | undefined;
  #sendRetry = new RetryTimer();
  #sending = false;
  #sendAttempt = 0;
  #disposed = false;

  constructor(readonly token: string) {
    this.#key = localCopyKey(token);
  }

  get save(): SaveState {
    return this.#saver?.state ?? { kind: 'device' };
  }

  /** Loads the survey and whatever was answered before (here or, for a personal link, on another device). */
  async load(): Promise<void> {
    this.phase = 'loading';
    if (this.token === '') return this.#stop({ kind: 'notFound' });
    const copy = readLocalCopy(this.#key);
    let data: SurveyData;
    try {
      data = await this.#fetch(copy?.language ?? browserLanguage());
    } catch (error) {
      // A send that reached the server while its answer was lost: the same submission id again gets the receipt.
      if (linkProblemOf(error)?.kind === 'used' && copy?.submissionId) return this.#confirmEarlierSend(copy);
      return this.#stop(loadProblemOf(error));
    }
    const start = startingPoint(data, copy);
    if (start.dropCopy) removeLocalCopy(this.#key);
    if (start.language !== data.language && data.measurement.languages.includes(start.language)) {
      // Answered in another language on another device: continue in that one.
      data = await this.#fetch(start.language).catch(() => data);
    }
    this.#serverUpdatedAt = data.draftsAvailable ? (data.draft?.updatedAt ?? null) : null;
    this.#submissionId = start.submissionId;
    this.#saver = data.draftsAvailable ? this.#draftSaver() : null;
    this.data = data;
    this.answers = start.answers;
    this.demographics = start.demographics;
    this.resumedCount = answeredCount(data.questionnaire, start.answers) + Object.keys(start.demographics).length;
    this.phase = 'answering';
    document.documentElement.lang = data.language;
    const fromAddress = this.steps.findIndex((step) => `#${step.key}` === location.hash);
    this.stepIndex = fromAddress > 0 ? fromAddress : 0;
    if (start.unsaved) this.#changed();
    if (this.#submissionId) {
      // Send was pressed before the page went away: finish what the person asked for.
      this.goTo(this.steps.length - 1);
      void this.submit();
    }
  }

  #draftSaver(): DraftSaver {
    return new DraftSaver({
      token: this.token,
      answerSet: () => this.#answerSet(),
      active: () => !this.#disposed && this.phase === 'answering' && this.#submissionId === undefined,
      onSaved: (updatedAt, complete) => {
        this.#serverUpdatedAt = updatedAt;
        // Safe on the server: the answers need not stay in this browser.
        if (complete) removeLocalCopy(this.#key);
        else this.#writeCopy();
      },
      onProblem: (problem) => this.#stop(problem),
    });
  }

  async #fetch(language: string | undefined): Promise<SurveyData> {
    try {
      return await fetchSurvey(this.token, language);
    } catch (error) {
      if (language !== undefined && error instanceof SurveyRequestError && error.code === 'LANGUAGE_NOT_AVAILABLE') {
        return fetchSurvey(this.token);
      }
      throw error;
    }
  }

  async #confirmEarlierSend(copy: LocalCopy): Promise<void> {
    const { language, answers, demographics } = copy;
    try {
      this.#finish(await sendResponse(this.token, { language, answers, demographics, submissionId: copy.submissionId! }));
    } catch (error) {
      this.#stop(loadProblemOf(error));
    }
  }

  answer(itemId: string, value: AnswerValue | undefined): void {
    if (value === undefined || !isAnswered(value)) delete this.answers[itemId];
    else this.answers[itemId] = value;
    this.#changed();
  }

  setDemographic(id: string, value: number | undefined): void {
    if (value === undefined) delete this.demographics[id];
    else this.demographics[id] = value;
    this.#changed();
  }

  goTo(index: number): void {
    const target = Math.min(Math.max(index, 0), this.steps.length - 1);
    if (target === this.stepIndex) return;
    this.stepIndex = target;
    this.checkedStep = null;
    history.pushState(null, '', target === 0 ? location.pathname : `#${this.steps[target]?.key}`);
    // Progress goes to the server at every page turn, not only after a pause.
    void this.#saver?.saveNow();
  }

  /** Follows the browser's back and forward buttons between steps. */
  showStepFromAddress(): void {
    const index = this.steps.findIndex((step) => `#${step.key}` === location.hash);
    this.stepIndex = index > 0 ? index : 0;
    this.checkedStep = null;
  }

  /** The next step, unless a required question here is unanswered (then it is pointed out). Returns whether it moved. */
  next(): boolean {
    const step = this.step;
    if (step?.kind === 'section' && this.questionnaire) {
      if (missingRequired(this.questionnaire.sections[step.index]!, this.visible, this.answers).length > 0) {
        this.checkedStep = this.stepIndex;
        return false;
      }
    }
    this.goTo(this.#neighbour(1));
    return true;
  }

  previous(): void {
    this.goTo(this.#neighbour(-1));
  }

  /** Goes to the first section with a required question unanswered, and points it out there. */
  showMissing(): void {
    const item = this.allMissing[0];
    const index = item ? (this.questionnaire?.sections.findIndex((section) => section.items.includes(item)) ?? -1) : -1;
    if (index < 0) return;
    this.goTo(index + 1);
    this.checkedStep = index + 1;
  }

  /** Where "continue where you left off" goes. */
  resumeStep(): number {
    if (!this.questionnaire) return 0;
    const section = resumeSection(this.questionnaire, this.answers);
    return section < 0 ? 1 : Math.min(section + 1, this.steps.length - 1);
  }

  #neighbour(direction: 1 | -1): number {
    const q = this.questionnaire;
    return neighbour(this.steps, this.stepIndex, direction, (index) => q?.sections[index]?.items.some((item) => this.visible.has(item.id)) ?? false);
  }

  async switchLanguage(language: string): Promise<void> {
    if (!this.data || language === this.data.language || this.switching) return;
    this.switching = true;
    this.switchFailed = null;
    try {
      const fresh = await fetchSurvey(this.token, language);
      // The answers in memory are the newest; the draft that came along is not used.
      this.data = { ...fresh, draft: null };
      document.documentElement.lang = fresh.language;
      this.#changed();
    } catch (error) {
      const problem = linkProblemOf(error);
      if (problem) this.#stop(problem);
      else this.switchFailed = error instanceof SurveyRequestError && error.status === 0 ? 'offline' : 'busy';
    } finally {
      this.switching = false;
    }
  }

  /** Sends the answers. Safe to call again at any time: every attempt carries the same submission id. */
  async submit(): Promise<void> {
    if (this.#disposed || this.phase !== 'answering' || this.#sending || this.allMissing.length > 0) return;
    this.#sendRetry.cancel();
    this.#saver?.cancel();
    if (!this.#submissionId) {
      this.#submissionId = newSubmissionId();
      this.#writeCopy();
    }
    // While retrying, the person keeps reading why the answers are not sent yet, instead of a flicker of "sending".
    if (this.send.kind !== 'offline' && this.send.kind !== 'busy') this.send = { kind: 'sending' };
    this.#sending = true;
    try {
      this.#finish(await sendResponse(this.token, { ...this.#answerSet(), submissionId: this.#submissionId }));
    } catch (error) {
      this.#sendFailed(error);
    } finally {
      this.#sending = false;
    }
  }

  #sendFailed(error: unknown): void {
    if (this.#disposed) return;
    const problem = linkProblemOf(error);
    if (problem) return this.#stop(problem);
    if (error instanceof SurveyRequestError && error.code === 'SUBMISSION_ID_TAKEN') {
      // Astronomically unlikely for a random id; a new one is as safe as the first.
      this.#submissionId = undefined;
      this.send = { kind: 'idle' };
      queueMicrotask(() => void this.submit());
      return;
    }
    if (error instanceof SurveyRequestError && error.transient) {
      this.send = { kind: error.status === 0 ? 'offline' : 'busy' };
      this.#sendRetry.schedule(retryDelayMs(this.#sendAttempt++, error.retryAfterSeconds), () => void this.submit());
      return;
    }
    this.send = { kind: 'refused', message: error instanceof Error ? error.message : String(error) };
  }

  /** "Try again now" after a failed save or send. */
  retryNow(): void {
    if (this.#submissionId) {
      if (!this.#sending) void this.submit();
    } else {
      this.#saver?.retryNow();
    }
  }

  /** Reloads after a problem that may pass (no connection, too many requests). */
  retryLoad(): Promise<void> {
    this.problem = null;
    return this.load();
  }

  /**
   * Done with this session (its page is gone, or a test ended): no save or retry starts any more and nothing stays
   * listening for the browser coming back online. The copy in this browser is kept.
   */
  dispose(): void {
    this.#disposed = true;
    this.#saver?.cancel();
    this.#sendRetry.cancel();
  }

  /** The page is being hidden or closed: send unsaved answers with a request that outlives the page. */
  flush(): void {
    this.#saver?.flush();
  }

  #finish(receipt: Receipt): void {
    this.#saver?.cancel();
    this.#sendRetry.cancel();
    removeLocalCopy(this.#key);
    this.#submissionId = undefined;
    this.receipt = receipt;
    this.send = { kind: 'idle' };
    this.phase = 'done';
    history.replaceState(null, '', location.pathname);
  }

  #stop(problem: LinkProblem): void {
    this.#saver?.cancel();
    this.#sendRetry.cancel();
    this.problem = problem;
    this.phase = 'problem';
  }

  #answerSet(): AnswerSet {
    return {
      language: this.data!.language,
      answers: answersToSend(this.questionnaire!, $state.snapshot(this.answers) as Answers),
      demographics: $state.snapshot(this.demographics),
    };
  }

  /** Every change is in this browser at once, whatever the network does. */
  #writeCopy(): void {
    if (!this.data) return;
    writeLocalCopy(this.#key, {
      ...this.#answerSet(),
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never kept
      changedAt: new Date().toISOString(),
      basedOn: this.#serverUpdatedAt,
      ...(this.#submissionId ? { submissionId: this.#submissionId } : {}),
    });
  }

  #changed(): void {
    this.#writeCopy();
    if (!this.#submissionId) this.#saver?.changed();
  }
}
