import { answersSchema } from '@socialsafety/instrument';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../lib/error-body';
import { AppError } from '../lib/errors';
import { day, invitationKind } from './measurement-schemas';

const tokenParams = z.object({ token: z.string().min(1).max(256).meta({ description: 'The token of the link (never logged)' }) });
const language = z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as nl or en');
const demographics = z.record(z.string(), z.int()).default({}).meta({ description: 'Demographic question id -> option code' });

const answerSet = {
  language,
  answers: answersSchema.meta({ description: 'Item id -> code, list of codes, text, or { dontKnow: true }' }),
  demographics,
};

const draft = z
  .object({ language: z.string(), answers: z.unknown(), demographics: z.unknown(), updatedAt: z.string() })
  .meta({ id: 'SurveyDraft' });

const survey = z
  .object({
    measurement: z.object({ title: z.string(), opensAt: day, closesAt: day.meta({ description: 'Last day to answer' }), k: z.number().int(), languages: z.array(z.string()) }),
    unit: z.object({ name: z.string() }),
    kind: invitationKind,
    draftsAvailable: z.boolean().meta({ description: 'False for an open (shared) link: keep progress in the browser' }),
    language: z.string(),
    questionnaire: z.unknown().meta({ description: 'The questionnaire in `language` (see GET /api/v1/questionnaires/…?lang=), with only the demographics asked' }),
    draft: draft.nullable(),
    anonymity: z
      .object({ language: z.string(), title: z.string(), points: z.array(z.string()) })
      .meta({ description: 'What the respondent is promised, in plain language (nl and en; English otherwise)' }),
  })
  .meta({ id: 'Survey' });

const receipt = z
  .object({ receipt: z.string().meta({ description: 'e.g. A3F0-19C2-7B44-E0D1; the same for a retry' }), submittedOn: day })
  .meta({ id: 'Receipt' });

const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 410: errorBody, 422: errorBody, 429: errorBody };

/**
 * Taking part. Public: the token in the path is the only credential. Every request counts against the client
 * address's limit (SURVEY_LIMIT_PER_MINUTE) before anything else happens, and no answer may be cached.
 */
const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const key = `survey:${request.ip}`;
    const wait = app.surveyLimiter.retryAfter(key);
    if (wait > 0) {
      throw new AppError(429, 'RATE_LIMITED', `Too many requests from your network. Try again in ${wait} seconds.`, { retryAfterSeconds: wait }, {
        'retry-after': String(wait),
      });
    }
    app.surveyLimiter.hit(key);
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/v1/survey/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['survey'],
        summary: 'The survey of a link: the questionnaire in one language, the saved draft, the anonymity promise',
        description:
          '`?lang=` picks one of the measurement’s languages (default: the first). 404 INVITATION_NOT_FOUND for an ' +
          'unknown or withdrawn link, 410 MEASUREMENT_NOT_OPEN / MEASUREMENT_CLOSED outside the measurement’s days, ' +
          '409 INVITATION_USED once answers were sent with a personal link.',
        params: tokenParams,
        querystring: z.object({ lang: language.optional() }),
        response: { 200: survey, ...errors },
      },
    },
    async (request) => app.survey.get(request.params.token, request.query.lang),
  );

  app.put(
    '/api/v1/survey/:token/draft',
    {
      config: { access: 'public' },
      schema: {
        tags: ['survey'],
        summary: 'Save progress (personal links only)',
        description:
          'Checked like a submission except that nothing is required yet: unknown items, invalid codes and answers ' +
          'to items whose condition is not met are 422 ANSWERS_INVALID (send `answersOnVisibleItems` from ' +
          '@socialsafety/instrument). An open link answers 409 DRAFTS_NOT_AVAILABLE.',
        params: tokenParams,
        body: z.object(answerSet),
        response: { 200: z.object({ updatedAt: z.string() }), ...errors },
      },
    },
    async (request) => app.survey.saveDraft(request.params.token, request.body),
  );

  app.post(
    '/api/v1/survey/:token/responses',
    {
      config: { access: 'public' },
      schema: {
        tags: ['survey'],
        summary: 'Send the answers: 201 with a receipt; the same submissionId again 200 with the same receipt',
        description:
          'Make `submissionId` (a random UUID, e.g. crypto.randomUUID()) once per attempt to answer and keep it for ' +
          'retries. Every answer is checked against the questionnaire version (422 ANSWERS_INVALID lists every ' +
          'problem, each naming its item). The response is stored and the link used up in one transaction, and the ' +
          'draft deleted. A used link with another submissionId is 409 INVITATION_USED.',
        params: tokenParams,
        body: z.object({ submissionId: z.uuid(), ...answerSet }),
        response: { 200: receipt, 201: receipt, ...errors },
      },
    },
    async (request, reply) => {
      const { status, body } = await app.survey.submit(request.params.token, request.body);
      return reply.status(status).send(body);
    },
  );
};

export default surveyRoutes;
