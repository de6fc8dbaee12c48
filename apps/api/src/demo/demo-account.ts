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
export async function ensureDemoSignIn(db: Kysely<Database>, bootstrapAdmin: { email: string } | undefined): Promise<DemoSignIn> {
  if (bootstrapAdmin) return { kind: 'configured', email: bootstrapAdmin.email };
  const store = accountStore(db);
  if (await store.findByEmail(DEMO_EMAIL)) return { kind: 'existing', email: DEMO_EMAIL };
  const password = readablePassword();
  await store.create({ email: DEMO_EMAIL, password, platformAdmin: true, createdBy: null, via: 'demo' });
  return { kind: 'created', email: DEMO_EMAIL, password };
}
