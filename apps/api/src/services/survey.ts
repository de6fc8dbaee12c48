import { localise, type QuestionnaireDefinition } from '@socialsafety/instrument';
import { anonymityStatement } from '../lib/anonymity-statement';
import type { Today } from '../lib/calendar';
import { AppError, conflict } from '../lib/errors';
import { receiptOf, submissionHash, tokenHash } from '../lib/survey-secrets';
import type { MeasurementRepository } from '../repositories/measurements';
import type { Admission, SurveyRepository } from '../repositories/survey';
import { checkAnswerSet, type AnswerSet } from './answer-rules';
import type { MeasurementService } from './measurements';
import { OpenLinkCache } from './open-link-cache';

/** How long an open link's admission is reused by submissions, and for how many links at most. */
const OPEN_LINK_TTL_MS = 10_000;
const OPEN_LINKS_KEPT = 1_000;

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
  const openLinks = new OpenLinkCache<{ link: Admission; definition: QuestionnaireDefinition }>(OPEN_LINK_TTL_MS, OPEN_LINKS_KEPT);

  /** Checks the answers against the link's questionnaire and stores them (the statement decides; see the repository). */
  async function attempt(hash: string, link: Admission, definition: QuestionnaireDefinition, input: AnswerSet & { submissionId: string }) {
    const { submissionId, ...answers } = input;
    checkAnswerSet(definition, link.languages, link.demographics, answers, 'submission');
    return survey.submit({
      tokenHash: hash,
      measurementId: link.measurementId,
      // The kind of a link never changes, so it may choose the lock before the row is read again.
      personal: link.kind === 'personal',
      ...answers,
      submissionHash: submissionHash(submissionId),
      today: today(),
    });
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
      const known = openLinks.get(hash, now().getTime());
      if (known !== undefined) {
        // The fast path only ever answers a stored response (or its retry), which the statement itself vouches for;
        // anything else (an invalid answer, a link withdrawn or a measurement closed since) goes the whole way below,
        // so that every refusal is decided, and worded, exactly as without the cache.
        const outcome = await attempt(hash, known.link, known.definition, input).catch(() => undefined);
        if (outcome !== undefined && (outcome.kind === 'created' || outcome.kind === 'retry')) return answered(input.submissionId, outcome);
        openLinks.delete(hash);
      }
      const { link, definition } = await admit(token);
      const outcome = await attempt(hash, link, definition, input);
      switch (outcome.kind) {
        case 'created':
        case 'retry':
          if (link.kind === 'open') openLinks.set(hash, { link, definition }, now().getTime());
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
