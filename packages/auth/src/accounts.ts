import type { Database } from '@socialsafety/db';
import { sql, type Kysely } from 'kysely';
import { hashPassword, passwordProblem } from './password';
import { normaliseEmail } from './secrets';

export class AccountError extends Error {
  constructor(
    readonly code: 'EMAIL_INVALID' | 'PASSWORD_TOO_WEAK' | 'EMAIL_TAKEN' | 'USER_NOT_FOUND',
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export interface NewAccount {
  email: string;
  password: string;
  platformAdmin: boolean;
  /** Who creates it (null: the operator, through start-up or the command line). */
  createdBy: string | null;
  /** Recorded in the audit event's details: 'api', 'cli', 'environment'. */
  via: string;
}

export interface Account {
  id: string;
  email: string;
  isPlatformAdmin: boolean;
  createdAt: Date;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

function checkEmail(email: string): string {
  const normalised = normaliseEmail(email);
  if (!EMAIL.test(normalised) || normalised.length > 254) {
    throw new AccountError('EMAIL_INVALID', `'${email}' is not an email address`);
  }
  return normalised;
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new AccountError('PASSWORD_TOO_WEAK', `The password ${problem}`);
}

/**
 * The account SQL shared by the API (start-up bootstrap, user administration) and the command line, which may not
 * import the API. Every change is written to the audit log in the same transaction.
 */
export function accountStore(db: Kysely<Database>) {
  async function findByEmail(email: string) {
    return db
      .selectFrom('users')
      .select(['id', 'email', 'is_platform_admin as isPlatformAdmin', 'created_at as createdAt'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', normaliseEmail(email)))
      .executeTakeFirst();
  }

  return {
    findByEmail,

    /** Creates an account; AccountError EMAIL_TAKEN when the email is in use (in any letter case). */
    async create(account: NewAccount): Promise<Account> {
      const email = checkEmail(account.email);
      checkPassword(account.password);
      const passwordHash = await hashPassword(account.password);
      return db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto('users')
          .values({ email, password_hash: passwordHash, is_platform_admin: account.platformAdmin })
          .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
          .returning(['id', 'email', 'is_platform_admin as isPlatformAdmin', 'created_at as createdAt'])
          .executeTakeFirst();
        if (!created) throw new AccountError('EMAIL_TAKEN', `There is already an account for ${email}`);
        await trx
          .insertInto('audit_events')
          .values({
            actor_user_id: account.createdBy,
            action: 'user.create',
            organisation_id: null,
            target_type: 'user',
            target_id: created.id,
            details: JSON.stringify({ platformAdmin: account.platformAdmin, via: account.via }),
          })
          .execute();
        return created;
      });
    },

    /**
     * Makes sure a platform administrator with this email exists: creates it, or promotes an existing account.
     * Never changes an existing password, so a changed ADMIN_PASSWORD does not silently reset one at start-up.
     */
    async ensurePlatformAdmin(email: string, password: string, via: string): Promise<'created' | 'promoted' | 'unchanged'> {
      const existing = await findByEmail(checkEmail(email));
      if (!existing) {
        await this.create({ email, password, platformAdmin: true, createdBy: null, via });
        return 'created';
      }
      if (existing.isPlatformAdmin) return 'unchanged';
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ is_platform_admin: true }).where('id', '=', existing.id).execute();
        await trx
          .insertInto('audit_events')
          .values({
            actor_user_id: null,
            action: 'user.promote',
            organisation_id: null,
            target_type: 'user',
            target_id: existing.id,
            details: JSON.stringify({ platformAdmin: true, via }),
          })
          .execute();
      });
      return 'promoted';
    },

    /** Sets a new password and ends every session of the account (someone else may hold one). */
    async setPassword(email: string, password: string, actorUserId: string | null, via: string): Promise<void> {
      checkPassword(password);
      const existing = await findByEmail(email);
      if (!existing) throw new AccountError('USER_NOT_FOUND', `There is no account for ${normaliseEmail(email)}`);
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', existing.id).execute();
        await trx.deleteFrom('sessions').where('user_id', '=', existing.id).execute();
        await trx
          .insertInto('audit_events')
          .values({
            actor_user_id: actorUserId,
            action: 'user.password_change',
            organisation_id: null,
            target_type: 'user',
            target_id: existing.id,
            details: JSON.stringify({ via }),
          })
          .execute();
      });
    },
  };
}

export type AccountStore = ReturnType<typeof accountStore>;
