import { vi } from 'vitest';

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/**
 * Replaces `fetch` with fixed answers, for testing a component or the session class as the unit: `answer` maps a
 * request to a status and a JSON body. Returns the calls made, to check what was sent. Undo with vi.unstubAllGlobals().
 */
export function stubFetch(answer: (method: string, path: string) => Answer): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = String(input);
    calls.push({ method, path, headers: { ...(init.headers as Record<string, string>) }, body: init.body as string | undefined });
    const { status, body, headers } = answer(method, path);
    return new Response(status === 204 ? null : JSON.stringify(body ?? null), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  });
  return calls;
}

export const apiError = (status: number, code: string, message = code, details?: unknown): Answer => ({
  status,
  body: { error: { code, message, ...(details === undefined ? {} : { details }) } },
});
