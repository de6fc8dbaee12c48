import { PASSWORD_MAX_LENGTH } from '@socialsafety/auth';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authErrors, readErrors, security, user, writeErrors } from './schemas';

/** Accounts, managed by platform administrators (organisation administrators grant roles to existing accounts). */
const users: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/users',
    {
      config: { access: { action: 'users.read' } },
      schema: { tags: ['accounts'], summary: 'Every account', security, response: { 200: z.object({ users: z.array(user) }), ...authErrors } },
    },
    async () => ({ users: await app.accounts.listUsers() }),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: { action: 'users.write' } },
      schema: {
        tags: ['accounts'],
        summary: 'Create an account with a first password',
        description: 'The password needs at least 12 characters (422 PASSWORD_TOO_WEAK); an email in use is 409 EMAIL_TAKEN.',
        security,
        body: z.object({
          email: z.string().min(3).max(254),
          password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
          platformAdmin: z.boolean().default(false),
        }),
        response: { 201: user, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await app.accounts.createUser(request, request.body)),
  );

  app.patch(
    '/api/v1/users/:userId',
    {
      config: { access: { action: 'users.write' } },
      schema: {
        tags: ['accounts'],
        summary: 'Disable or re-enable an account',
        description: 'Disabling ends its sessions at once; its API tokens do not work while it is disabled.',
        security,
        params: z.object({ userId: z.uuid() }),
        body: z.object({ disabled: z.boolean() }),
        response: { 200: user, ...readErrors, 409: writeErrors[409] },
      },
    },
    async (request) => app.accounts.setDisabled(request, request.params.userId, request.body.disabled),
  );
};

export default users;
