import type { Grant } from './organisations';

/** An account, as GET /api/v1/me and /api/v1/users answer it. */
export interface User {
  id: string;
  email: string;
  isPlatformAdmin: boolean;
  createdAt: string;
  disabledAt: string | null;
}

/** GET /api/v1/me: who is signed in, their roles, and the CSRF token of this session. */
export interface Me {
  user: User;
  grants: Grant[];
  authenticatedVia: 'session' | 'token';
  csrfToken: string | null;
  sessionExpiresAt: string | null;
}

export interface NewUser {
  email: string;
  password: string;
  platformAdmin: boolean;
}

/** Mirrors the server's rule (packages/auth): at least 12 characters, no composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
