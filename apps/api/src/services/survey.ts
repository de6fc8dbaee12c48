import type { InvitationKind } from '@socialsafety/db';
import { localise, type QuestionnaireDefinition } from '@socialsafety/instrument';
import { anonymityStatement } from '../lib/anonymity-statement';
import type { Today } from '../lib/calendar';
import { AppError, conflict } from '../lib/errors';
import { hintOf, receiptOf, submissionHash, tokenHash } from '../lib/survey-secrets';
import type { MeasurementRepository } from '../repositories/measurements';
import type { Admission, SurveyRepository } from '../repositories/survey';
import { checkAnswerSet, type AnswerSet } from './answer-rules';
import type { MeasurementService } from './measurements';
import { OpenLinkCache } from './open-link-cache';
import { RecentMeasurement } from './recent-measurement';

/** How long an open link's admission, or a guess of the measurement personal links are for, is used; links kept at most. */
const REUSE_MS = 10_000;
const OPEN_LINKS_KEPT = 1_000;
/** Measurements whose personal links' hint (survey-secrets.ts, measurementHint) is kept, at most. */
const HINTS_KEPT = 1_000;
/** Personal links in a row for one measurement before the next one is guessed to be for it too (recent-measurement.ts). */
const PERSONAL_STREAK = 3;

/** What storing a submission goes by: its measurement's rules and the kind of statement (which checks the link itself). */
interface SubmitTarget {
  measurementId: string;
  personal: boolean;
  languages: string[];
  demographics: string[];
  definition: QuestionnaireDefinition;
}

const targetOf = (link: Admission, definition: QuestionnaireDefinition): SubmitTarget => ({
  measurementId: link.measurementId,
  // The kind of a link never changes, so it may choose the lock before the row is read again.
  personal: link.kind === 'personal',
  languages: link.languages,
  demographics: link.demographics,
  definition,
});

/** The survey's own errors: written for the person holding the link, who can act on them (or knows they cannot). */
const linkNotFound = () =>
  new AppError(404, 'INVITATION_NOT_FOUND', 'This link does not work: it may be mistyped, or it was withdrawn. Ask whoever sent it for a new one.');
const linkUsed = () =>
  conflict('INVITATION_USED', 'Answers were already sent with this link. Thank you for taking part; each link can be used once.');
const closed = (closesAt: string) =>
  new AppError(410, 'MEASUREMENT_CLOSED', `This survey has closed (the last day was ${closesAt}). Answers can no longer be sent.`, { closesAt });
const notOpen = (opensAt: string) =>
  new AppError(410, 'MEASUREMENT_NOT_OPEN', `This survey has not started yet. It opens on ${opensAt}.`, { opensAt });
const submissionIdTaken = () =>
  conflict('SUBMISSION_ID_TAKEN', 'This submission id was already used for other answers: send these answers with a new submission id.');

export interface Submitted {
  status: 200 | 201;
  body: { receipt: string; submittedOn: string };
}

/**
 * Taking part: the token is the only credential. Nothing here is audited or logged with the token (an audit event
 * carries a time, which would tie a response to a moment); the request log shows survey paths redacted.
 */
export function surveyService(deps: {
  survey: SurveyRepository;
  measurements: Pick<MeasurementRepository, 'definitionOf'>;
  lifecycle: Pick<MeasurementService, 'load'>;
  today: Today;
  now: () => Date;
}) {
  const { survey, measurements, lifecycle, today, now } = deps;
  const openLinks = new OpenLinkCache<SubmitTarget>(REUSE_MS, OPEN_LINKS_KEPT);
  const personalLinks = new RecentMeasurement<SubmitTarget>(REUSE_MS, PERSONAL_STREAK);
  // The measurement a personal link's hint stood for the last time one was stored: several measurements at once.
  const hinted = new OpenLinkCache<SubmitTarget>(REUSE_MS, HINTS_KEPT);

  /** Checks the answers against the measurement's questionnaire and stores them (the statement decides; see the repository). */
  async function attempt(hash: string, target: SubmitTarget, input: AnswerSet & { submissionId: string }) {
    const { submissionId, ...answers } = input;
    checkAnswerSet(target.definition, target.languages, target.demographics, answers, 'submission');
    return survey.submit({
      tokenHash: hash,
      measurementId: target.measurementId,
      personal: target.personal,
      ...answers,
      submissionHash: submissionHash(submissionId),
      today: today(),
    });
  }

  /**
   * A link that stored a response: an open link is kept for a while, a personal one tells whose links are coming,
   * and what its hint stands for.
   */
  function remember(hash: string, hint: string | undefined, target: SubmitTarget, linkKind: InvitationKind, at: number) {
    const personal = linkKind === 'personal';
    // Only an open link that arrived while personal links were guessed was sent as personal.
    const kept = target.personal === personal ? target : { ...target, personal };
    if (!personal) {
      openLinks.set(hash, kept, at);
      return;
    }
    personalLinks.seen(target.measurementId, kept, at);
    if (hint !== undefined) hinted.set(hint, kept, at);
  }

  /** 201 for a new response, 200 for a retry; the receipt is derived from the submission id. */
  function answered(submissionId: string, outcome: { kind: 'created' | 'retry'; submittedOn: string }): Submitted {
    return { status: outcome.kind === 'created' ? 201 : 200, body: { receipt: receiptOf(submissionId), submittedOn: outcome.submittedOn } };
  }

  /**
   * The link and its measurement (one read), or the error the person holding it should see (404, then 410). A
   * measurement past its closing day that nobody has closed yet is closed here, as every read of one does.
   */
  async function admit(token: string): Promise<{ hash: string; link: Admission; definition: QuestionnaireDefinition }> {
    const hash = tokenHash(token);
    const link = await survey.admission(hash);
    if (!link || link.status === 'revoked') throw linkNotFound();
    if (link.measurementStatus === 'open' && link.closesAt < today()) await lifecycle.load(null, link.measurementId);
    if (link.measurementStatus === 'closed' || link.closesAt < today()) throw closed(link.closesAt);
    if (link.measurementStatus === 'draft' || link.opensAt > today()) throw notOpen(link.opensAt);
    const definition = (await measurements.definitionOf(link.questionnaireVersionId)) as QuestionnaireDefinition;
    return { hash, link, definition };
  }

  return {
    /** How many statements stored the submissions so far, and how many submissions they held (see the repository). */
    submissionBatches: () => survey.submissionBatches(),

    /** How many times a link was read before deciding (see the repository). */
    admissionReads: () => survey.admissionReads(),

    async get(token: string, requestedLanguage?: string) {
      const { hash, link, definition } = await admit(token);
      if (link.status === 'used') throw linkUsed();
      const language = requestedLanguage ?? link.languages[0]!;
      if (!link.languages.includes(language)) {
        throw new AppError(400, 'LANGUAGE_NOT_AVAILABLE', `This survey is available in ${link.languages.join(', ')}, not in '${language}'.`, {
          languages: link.languages,
        });
      }
      const personal = link.kind === 'personal';
      const localised = localise(definition, language);
      const draft = personal ? await survey.findDraft(hash) : undefined;
      return {
        measurement: { title: link.title, opensAt: link.opensAt, closesAt: link.closesAt, k: link.k, languages: link.languages },
        unit: { name: link.unitName },
        kind: link.kind,
        draftsAvailable: personal,
        language,
        // Only the demographic questions this measurement asks, in the questionnaire's order.
        questionnaire: { ...localised, demographics: localised.demographics.filter((d) => link.demographics.includes(d.id)) },
        draft: draft
          ? { language: draft.language, answers: draft.answers, demographics: draft.demographics, updatedAt: draft.updatedAt.toISOString() }
          : null,
        anonymity: anonymityStatement(language, link.k, personal),
      };
    },

    async saveDraft(token: string, input: AnswerSet) {
      const { hash, link, definition } = await admit(token);
      if (link.kind === 'open') {
        throw conflict('DRAFTS_NOT_AVAILABLE', 'Progress cannot be saved with a shared link (others use it too): keep it in the browser, and send the answers in one go.');
      }
      if (link.status === 'used') throw linkUsed();
      checkAnswerSet(definition, link.languages, link.demographics, input, 'draft');
      const outcome = await survey.saveDraft({ tokenHash: hash, measurementId: link.measurementId, ...input, today: today(), at: now() });
      switch (outcome.kind) {
        case 'saved':
          return { updatedAt: outcome.updatedAt.toISOString() };
        case 'not_found':
          throw linkNotFound();
        case 'used':
          throw linkUsed();
        case 'closed':
          throw closed(link.closesAt);
        case 'not_open':
          throw notOpen(outcome.opensAt);
      }
    },

    /**
     * Stores a response once. The same submission id again answers 200 with the same receipt (a safe retry after a
     * lost answer); the receipt is derived from the submission id, so it needs nothing stored next to the link.
     */
    async submit(token: string, input: AnswerSet & { submissionId: string }): Promise<Submitted> {
      const hash = tokenHash(token);
      const at = now().getTime();
      const hint = hintOf(token);
      const known = openLinks.get(hash, at);
      const fromHint = known === undefined && hint !== undefined ? hinted.get(hint, at) : undefined;
      const guessed = known ?? fromHint ?? personalLinks.get(at);
      if (guessed !== undefined) {
        // The fast path only ever answers a stored response (or its retry), which the statement itself vouches for:
        // it finds the link in the measurement whose questionnaire the answers were checked against. Anything else
        // (an invalid answer, a link of another measurement, withdrawn, used, or a measurement closed since) goes the
        // whole way below, so that every refusal is decided, and worded, exactly as without it.
        const outcome = await attempt(hash, guessed, input).catch(() => undefined);
        if (outcome !== undefined && (outcome.kind === 'created' || outcome.kind === 'retry')) {
          if (known === undefined) remember(hash, hint, guessed, outcome.linkKind, at);
          return answered(input.submissionId, outcome);
        }
        if (known !== undefined) openLinks.delete(hash);
        else if (fromHint !== undefined) hinted.delete(hint!);
        else personalLinks.missed();
      }
      const { link, definition } = await admit(token);
      const target = targetOf(link, definition);
      const outcome = await attempt(hash, target, input);
      switch (outcome.kind) {
        case 'created':
        case 'retry':
          remember(hash, hint, target, outcome.linkKind, at);
          return answered(input.submissionId, outcome);
        case 'not_found':
          throw linkNotFound();
        case 'used':
          throw linkUsed();
        case 'submission_id_taken':
          throw submissionIdTaken();
        case 'closed':
          throw closed(link.closesAt);
        case 'not_open':
          throw notOpen(outcome.opensAt);
      }
    },
  };
}

export type SurveyService = ReturnType<typeof surveyService>;
