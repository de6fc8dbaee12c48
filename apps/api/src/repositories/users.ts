import type { Database } from '@socialsafety/db';
import type { Kysely } from 'kysely';

export interface UserRow {
  id: string;
  email: string;
  isPlatformAdmin: boolean;
  createdAt: Date;
  disabledAt: Date | null;
}

const columns = [
  'id',
  'email',
  'is_platform_admin as isPlatformAdmin',
  'created_at as createdAt',
  'disabled_at as disabledAt',
] as const;

/** SQL about accounts that the API needs beyond the shared account store (@socialsafety/auth). */
export function userRepository(db: Kysely<Database>) {
  return {
    /** What a sign-in needs: the hash, and whether the account may sign in at all. */
    async findForLogin(email: string) {
      return db
        .selectFrom('users')
        .select(['id', 'email', 'password_hash as passwordHash', 'disabled_at as disabledAt'])
        .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
        .executeTakeFirst();
    },

    async findById(id: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
    },

    async findByEmail(email: string): Promise<UserRow | undefined> {
      return db
        .selectFrom('users')
        .select(columns)
        .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
        .executeTakeFirst();
    },

    async list(): Promise<UserRow[]> {
      return db.selectFrom('users').select(columns).orderBy('email').execute();
    },

    /** Disables (or re-enables) an account; disabling also ends its sessions. Its tokens stop working with it. */
    async setDisabled(id: string, disabledAt: Date | null): Promise<UserRow | undefined> {
      return db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('users').set({ disabled_at: disabledAt }).where('id', '=', id).returning(columns).executeTakeFirst();
        if (row && disabledAt) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        return row;
      });
    },
  };
}

export type UserRepository = ReturnType<typeof userRepository>;
