import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../plugins/access';
import { authErrors, readErrors, security, writeErrors } from './schemas';

const token = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

/** API tokens for scripts: `Authorization: Bearer sst_…`, acting as the person who created them. */
const tokens: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/me/tokens',
    {
      config: { access: { action: 'tokens.read' } },
      schema: { tags: ['accounts'], summary: 'Your API tokens (never their secrets)', security, response: { 200: z.object({ tokens: z.array(token) }), ...authErrors } },
    },
    async (request) => ({ tokens: await app.accounts.listTokens(principalOf(request)) }),
  );

  app.post(
    '/api/v1/me/tokens',
    {
      config: { access: { action: 'tokens.write' } },
      schema: {
        tags: ['accounts'],
        summary: 'Create an API token; its secret is shown in this answer only',
        description: 'Only from a signed-in browser session: an API token cannot create more tokens.',
        security,
        body: z.object({ name: z.string().trim().min(1).max(100) }),
        response: { 201: token.extend({ token: z.string().meta({ description: 'The secret: store it now, it is not shown again' }) }), ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await app.accounts.createToken(request, principalOf(request), request.body.name)),
  );

  app.delete(
    '/api/v1/me/tokens/:tokenId',
    {
      config: { access: { action: 'tokens.write' } },
      schema: {
        tags: ['accounts'],
        summary: 'Revoke one of your API tokens (at once, for good)',
        security,
        params: z.object({ tokenId: z.uuid() }),
        response: { 200: token, ...readErrors },
      },
    },
    async (request) => app.accounts.revokeToken(request, principalOf(request), request.params.tokenId),
  );
};

export default tokens;
