import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors';

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler for administrative writes: requires `Authorization: Bearer <ADMIN_TOKEN>`. */
    requireAdmin: (request: FastifyRequest) => Promise<void>;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Interim protection for administrative writes (questionnaire drafts and publishing) until user accounts and roles
 * exist: one operator token from the environment. Without ADMIN_TOKEN these writes are disabled. Comparing SHA-256
 * digests with timingSafeEqual keeps the comparison constant-time whatever the length of the presented token.
 */
export default fp(
  async (app, { adminToken }: { adminToken: string | undefined }) => {
    const expected = adminToken === undefined ? undefined : digest(adminToken);
    app.decorate('requireAdmin', async (request: FastifyRequest) => {
      if (!expected) {
        throw new AppError(403, 'ADMIN_DISABLED', 'Administrative changes are disabled: the server has no ADMIN_TOKEN set.');
      }
      const header = request.headers.authorization ?? '';
      const match = /^Bearer (\S+)$/i.exec(header);
      if (!match) {
        throw new AppError(401, 'UNAUTHENTICATED', 'This action needs the administrator token: send "Authorization: Bearer <token>".');
      }
      if (!timingSafeEqual(digest(match[1] ?? ''), expected)) {
        throw new AppError(401, 'UNAUTHENTICATED', 'The administrator token is not valid.');
      }
    });
  },
  { name: 'admin-token' },
);
