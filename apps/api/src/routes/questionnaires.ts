import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../lib/error-body';
import { security } from './schemas';

const key = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a questionnaire key such as social-safety');
const version = z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.0.0');

const versionSummary = z
  .object({
    key: z.string(),
    version: z.string(),
    status: z.enum(['draft', 'published', 'retired']),
    contentHash: z.string().meta({ description: 'SHA-256 of the canonical definition: the exact wording people saw' }),
    builtin: z.boolean(),
    languages: z.array(z.string()),
    title: z.record(z.string(), z.string()),
    estimatedMinutes: z.number(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: 'QuestionnaireVersionSummary' });

const definitionBody = z
  .record(z.string(), z.unknown())
  .meta({ description: 'A questionnaire definition (see docs/methodology.md and packages/instrument); validated in full.' });

const writeErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

const questionnaires: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/questionnaires',
    {
      config: { access: 'public' },
      schema: {
        tags: ['questionnaires'],
        summary: 'List questionnaires and their versions (newest first)',
        response: {
          200: z.object({
            questionnaires: z.array(z.object({ key: z.string(), versions: z.array(versionSummary.omit({ key: true })) })),
          }),
        },
      },
    },
    async () => ({ questionnaires: await app.questionnaires.list() }),
  );

  app.get(
    '/api/v1/questionnaires/:key/versions/:version',
    {
      config: { access: 'public' },
      schema: {
        tags: ['questionnaires'],
        summary: 'One questionnaire version, in full or in one language',
        description: 'With `?lang=nl` every text is given in that language only, as the survey shows it.',
        params: z.object({ key, version }),
        querystring: z.object({ lang: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as nl or en').optional() }),
        response: { 200: versionSummary.extend({ definition: z.unknown() }), 400: errorBody, 404: errorBody },
      },
    },
    async (request) => app.questionnaires.get(request.params.key, request.params.version, request.query.lang),
  );

  app.post(
    '/api/v1/questionnaires/:key/versions',
    {
      config: { access: { action: 'questionnaires.write' } },
      schema: {
        tags: ['questionnaires'],
        summary: 'Create a draft version from a JSON definition',
        description: 'Platform administrators only. The definition is validated; every problem is listed with its path.',
        security,
        params: z.object({ key }),
        body: definitionBody,
        response: { 201: versionSummary, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await app.questionnaires.createDraft(request.params.key, request.body)),
  );

  app.put(
    '/api/v1/questionnaires/:key/versions/:version',
    {
      config: { access: { action: 'questionnaires.write' } },
      schema: {
        tags: ['questionnaires'],
        summary: 'Replace the definition of a draft version',
        description: 'Platform administrators only. A published version never changes: 409.',
        security,
        params: z.object({ key, version }),
        body: definitionBody,
        response: { 200: versionSummary, ...writeErrors },
      },
    },
    async (request) => app.questionnaires.updateDraft(request.params.key, request.params.version, request.body),
  );

  app.post(
    '/api/v1/questionnaires/:key/versions/:version/publish',
    {
      config: { access: { action: 'questionnaires.write' } },
      schema: {
        tags: ['questionnaires'],
        summary: 'Publish a draft version (irreversible)',
        description: 'Platform administrators only. Publishing twice is a 409.',
        security,
        params: z.object({ key, version }),
        response: { 200: versionSummary, ...writeErrors },
      },
    },
    async (request) => app.questionnaires.publish(request.params.key, request.params.version),
  );
};

export default questionnaires;
