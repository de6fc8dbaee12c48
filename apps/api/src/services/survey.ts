import { localise, type QuestionnaireDefinition } from '@socialsafety/instrument';
import { anonymityStatement } from '../lib/anonymity-statement';
import type { Today } from '../lib/calendar';
import { AppError, conflict } from '../lib/errors';
import { receiptOf, submissionHash, tokenHash } from '../lib/survey-secrets';
import type { InvitationRepository, InvitationRow } from '../repositories/invitations';
import type { MeasurementRow } from '../repositories/measurements';
import type { SurveyRepository } from '../repositories/survey';
import { checkAnswerSet, type AnswerSet } from './answer-rules';
import type { MeasurementService } from './measurements';

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
  invitations: InvitationRepository;
  survey: SurveyRepository;
  lifecycle: MeasurementService;
  today: Today;
  now: () => Date;
}) {
  const { invitations, survey, lifecycle, today, now } = deps;

  /** The link and its measurement, or the error the person holding it should see (404, then 410). */
  async function admit(token: string): Promise<{ hash: string; invitation: InvitationRow; m: MeasurementRow }> {
    const hash = tokenHash(token);
    const invitation = await invitations.findByTokenHash(hash);
    if (!invitation || invitation.status === 'revoked') throw linkNotFound();
    const m = await lifecycle.load(null, invitation.measurementId);
    if (m.status === 'closed' || m.closesAt < today()) throw closed(m.closesAt);
    if (m.status === 'draft' || m.opensAt > today()) throw notOpen(m.opensAt);
    return { hash, invitation, m };
  }

  function definitionOf(m: MeasurementRow): QuestionnaireDefinition {
    return m.definition as QuestionnaireDefinition;
  }

  return {
    async get(token: string, requestedLanguage?: string) {
      const { hash, invitation, m } = await admit(token);
      if (invitation.status === 'used') throw linkUsed();
      const language = requestedLanguage ?? m.languages[0]!;
      if (!m.languages.includes(language)) {
        throw new AppError(400, 'LANGUAGE_NOT_AVAILABLE', `This survey is available in ${m.languages.join(', ')}, not in '${language}'.`, {
          languages: m.languages,
        });
      }
      const personal = invitation.kind === 'personal';
      const localised = localise(definitionOf(m), language);
      const draft = personal ? await survey.findDraft(hash) : undefined;
      return {
        measurement: { title: m.title, opensAt: m.opensAt, closesAt: m.closesAt, k: m.k, languages: m.languages },
        unit: { name: invitation.unitName },
        kind: invitation.kind,
        draftsAvailable: personal,
        language,
        // Only the demographic questions this measurement asks, in the questionnaire's order.
        questionnaire: { ...localised, demographics: localised.demographics.filter((d) => m.demographics.includes(d.id)) },
        draft: draft
          ? { language: draft.language, answers: draft.answers, demographics: draft.demographics, updatedAt: draft.updatedAt.toISOString() }
          : null,
        anonymity: anonymityStatement(language, m.k, personal),
      };
    },

    async saveDraft(token: string, input: AnswerSet) {
      const { hash, invitation, m } = await admit(token);
      if (invitation.kind === 'open') {
        throw conflict('DRAFTS_NOT_AVAILABLE', 'Progress cannot be saved with a shared link (others use it too): keep it in the browser, and send the answers in one go.');
      }
      if (invitation.status === 'used') throw linkUsed();
      checkAnswerSet(definitionOf(m), m.languages, m.demographics, input, 'draft');
      const outcome = await survey.saveDraft({ tokenHash: hash, measurementId: m.id, ...input, today: today(), at: now() });
      switch (outcome.kind) {
        case 'saved':
          return { updatedAt: outcome.updatedAt.toISOString() };
        case 'not_found':
          throw linkNotFound();
        case 'used':
          throw linkUsed();
        case 'closed':
          throw closed(m.closesAt);
        case 'not_open':
          throw notOpen(outcome.opensAt);
      }
    },

    /**
     * Stores a response once. The same submission id again answers 200 with the same receipt (a safe retry after a
     * lost answer); the receipt is derived from the submission id, so it needs nothing stored next to the link.
     */
    async submit(token: string, input: AnswerSet & { submissionId: string }): Promise<Submitted> {
      const { hash, m } = await admit(token);
      const { submissionId, ...answers } = input;
      checkAnswerSet(definitionOf(m), m.languages, m.demographics, answers, 'submission');
      const outcome = await survey.submit({
        tokenHash: hash,
        measurementId: m.id,
        ...answers,
        submissionHash: submissionHash(submissionId),
        today: today(),
      });
      const receipt = receiptOf(submissionId);
      switch (outcome.kind) {
        case 'created':
          return { status: 201, body: { receipt, submittedOn: outcome.submittedOn } };
        case 'retry':
          return { status: 200, body: { receipt, submittedOn: outcome.submittedOn } };
        case 'not_found':
          throw linkNotFound();
        case 'used':
          throw linkUsed();
        case 'submission_id_taken':
          throw submissionIdTaken();
        case 'closed':
          throw closed(m.closesAt);
        case 'not_open':
          throw notOpen(outcome.opensAt);
      }
    },
  };
}

export type SurveyService = ReturnType<typeof surveyService>;
