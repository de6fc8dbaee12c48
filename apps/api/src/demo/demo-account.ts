import { accountStore } from '@socialsafety/auth';
import type { Database } from '@socialsafety/db';
import type { Kysely } from 'kysely';
import { randomInt } from 'node:crypto';

/** `.example` is reserved for examples (RFC 2606): this address can never reach anyone. */
export const DEMO_EMAIL = 'demo@socialsafety.example';

/** How to sign in after the demo was loaded. `password` is set only when it was just made (it is shown once). */
export type DemoSignIn =
  | { kind: 'created'; email: string; password: string }
  | { kind: 'existing'; email: string }
  | { kind: 'configured'; email: string };

// Without look-alikes (0/o, 1/l/i): the password is read off a terminal and typed into a browser.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 4 groups of 5 from 31 characters: about 99 bits, typed without confusion, 23 characters with the dashes. */
export function readablePassword(): string {
  const group = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

/**
 * Someone must be able to sign in to look at the demo. When ADMIN_EMAIL is set, that platform administrator exists
 * already (start-up ensured it) and is the one to use: no second account. Otherwise a demo platform administrator is
 * made with a random password, shown once; a demo account made earlier keeps its password (as ADMIN_PASSWORD never
 * changes an existing one), and `pnpm cli user password` sets a new one.
 */
export async function ensureDemoSignIn(
  db: Kysely<Database>,
  bootstrapAdmin: { email: string } | undefined,
  organisationId?: string,
): Promise<DemoSignIn> {
  const signIn = await ensureAccount(db, bootstrapAdmin);
  if (organisationId !== undefined) await grantResults(db, signIn.email, organisationId);
  return signIn;
}

async function ensureAccount(db: Kysely<Database>, bootstrapAdmin: { email: string } | undefined): Promise<DemoSignIn> {
  if (bootstrapAdmin) return { kind: 'configured', email: bootstrapAdmin.email };
  const store = accountStore(db);
  if (await store.findByEmail(DEMO_EMAIL)) return { kind: 'existing', email: DEMO_EMAIL };
  const password = readablePassword();
  await store.create({ email: DEMO_EMAIL, password, platformAdmin: true, createdBy: null, via: 'demo' });
  return { kind: 'created', email: DEMO_EMAIL, password };
}

/**
 * Platform administrators see no results without a grant (access/permissions.ts), and the demo is there to be
 * looked at: the sign-in gets org_admin in the demo organisation, written to the audit log like every grant.
 */
async function grantResults(db: Kysely<Database>, email: string, organisationId: string): Promise<void> {
  const user = await accountStore(db).findByEmail(email);
  if (!user) return;
  const grant = await db
    .insertInto('role_grants')
    .values({ user_id: user.id, organisation_id: organisationId, role: 'org_admin', unit_id: null, granted_by: user.id })
    .onConflict((oc) => oc.constraint('role_grants_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!grant) return;
  await db
    .insertInto('audit_events')
    .values({
      actor_user_id: null,
      action: 'grant.create',
      organisation_id: organisationId,
      target_type: 'role_grant',
      target_id: grant.id,
      details: JSON.stringify({ userId: user.id, email, role: 'org_admin', unitId: null, via: 'demo' }),
    })
    .execute();
}
