import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI document generated from the routes' zod schemas; JSON at /docs/json, the browsable UI at /docs. */
export default fp(
  async (app, { version }: { version: string }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'socialsafety API',
          description:
            'Measure social safety at work. Every figure is published under disclosure control: no group smaller ' +
            'than the anonymity threshold k can be learned from any combination of answers. Errors always have the ' +
            'shape { error: { code, message, details? } }.',
          version,
        },
        tags: [
          { name: 'system', description: 'Health and service information' },
          { name: 'accounts', description: 'Sign-in, your account and API tokens, account administration' },
          { name: 'organisations', description: 'Organisations, unit trees, roles and the audit log' },
          { name: 'questionnaires', description: 'Versioned questionnaires; published versions never change' },
          { name: 'measurements', description: 'Measurements, their links and participation' },
          { name: 'survey', description: 'Taking part with a link: public, the token is the only credential' },
        ],
        components: {
          securitySchemes: {
            session: {
              type: 'apiKey',
              in: 'cookie',
              name: 'socialsafety_session',
              description: 'Set by POST /api/v1/auth/login. Writes also need the X-CSRF-Token header (from sign-in or GET /api/v1/me).',
            },
            apiToken: { type: 'http', scheme: 'bearer', description: 'An API token (sst_…) created at POST /api/v1/me/tokens' },
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  },
  { name: 'openapi' },
);
