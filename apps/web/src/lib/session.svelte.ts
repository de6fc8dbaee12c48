import { getContext, setContext } from 'svelte';
import type { Me, User } from './accounts';
import { ApiError, request, type RequestBody, type RequestOptions } from './api';
import type { Grant, Role } from './organisations';

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut';
export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Reading and writing as the signed-in person: what pages and page state classes need from the session. */
export interface ApiClient {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  send<T>(method: WriteMethod, path: string, body?: RequestBody): Promise<T>;
}

/**
 * The browser session: who is signed in (GET /api/v1/me), their roles, and the CSRF token that every
 * cookie-authenticated write must carry. The session cookie itself is HttpOnly: this class never sees it.
 *
 * Any 401 means the session is gone (expired, signed out elsewhere, account disabled): the state becomes signed out
 * with `ended` set, and the app sends the person to the sign-in page, remembering where they were.
 */
export class Session implements ApiClient {
  #status = $state<SessionStatus>('loading');
  #me = $state.raw<Me | null>(null);
  #ended = $state(false);

  get status(): SessionStatus {
    return this.#status;
  }

  get user(): User | null {
    return this.#me?.user ?? null;
  }

  get grants(): Grant[] {
    return this.#me?.grants ?? [];
  }

  get csrfToken(): string | null {
    return this.#me?.csrfToken ?? null;
  }

  get isPlatformAdmin(): boolean {
    return this.#me?.user.isPlatformAdmin ?? false;
  }

  /** True when the server ended the session (not when the person signed out): the sign-in page says so. */
  get ended(): boolean {
    return this.#ended;
  }

  rolesIn(organisationId: string): Role[] {
    return this.grants.filter((g) => g.organisationId === organisationId).map((g) => g.role);
  }

  /** Units, grants and the audit log of an organisation: its administrators and platform administrators. */
  canManage(organisationId: string): boolean {
    return this.isPlatformAdmin || this.rolesIn(organisationId).includes('org_admin');
  }

  /** Asks the server who is signed in. Anything but a 200 counts as signed out. */
  async load(): Promise<void> {
    try {
      this.#me = await request<Me>('/api/v1/me');
      this.#status = 'signedIn';
    } catch {
      this.#me = null;
      this.#status = 'signedOut';
    }
  }

  /** Signs in (the server sets the cookie), then loads the account with its roles. Throws the API's ApiError. */
  async login(email: string, password: string): Promise<void> {
    await request('/api/v1/auth/login', { method: 'POST', body: { json: { email, password } } });
    this.#ended = false;
    await this.load();
  }

  /** Ends the session on the server. A 401 means it had already ended: signed out either way. */
  async logout(): Promise<void> {
    try {
      await this.send('POST', '/api/v1/auth/logout');
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    this.#me = null;
    this.#status = 'signedOut';
    this.#ended = false;
  }

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.#call<T>(path, signal ? { signal } : {});
  }

  /** A write: JSON or raw text (CSV), with the session's CSRF token in X-CSRF-Token. */
  send<T>(method: WriteMethod, path: string, body?: RequestBody): Promise<T> {
    return this.#call<T>(path, { method, ...(body ? { body } : {}) });
  }

  async #call<T>(path: string, options: RequestOptions, retry = true): Promise<T> {
    const token = this.csrfToken;
    const write = options.method !== undefined && options.method !== 'GET';
    try {
      return await request<T>(path, { ...options, ...(write && token ? { headers: { 'x-csrf-token': token } } : {}) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.#me = null;
        this.#status = 'signedOut';
        this.#ended = true;
      } else if (error instanceof ApiError && error.code === 'CSRF_TOKEN_INVALID' && retry) {
        // The cookie changed under this page (someone signed in again in another tab): take the new session's token
        // and try once more. The write still goes out as whoever is signed in now, which the server checks.
        await this.load();
        if (this.#status === 'signedIn') return this.#call<T>(path, options, false);
      }
      throw error;
    }
  }
}

/** The sign-in page's address that brings the person back to `intended` afterwards. */
export function signInPath(intended: string): string {
  return intended === '/' || intended.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(intended)}`;
}

/** Where to go after signing in: the remembered path if it is one of ours (never another site), else the list. */
export function afterSignIn(next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/login')) return next;
  return '/organisations';
}

const KEY = Symbol('session');
export const setSession = (session: Session) => setContext(KEY, session);
export const getSession = () => getContext<Session>(KEY);
export { KEY as sessionContextKey };
