/** A failed survey request: `status` 0 when the network failed, else the API's `{ error: { code, message } }`. */
export class SurveyRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'SurveyRequestError';
  }

  /** Worth trying again unchanged: no connection, the service busy or failing. A 4xx will answer the same again. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export interface CallOptions {
  method?: 'GET' | 'PUT' | 'POST';
  json?: unknown;
  /** Lets a save started while the page is being closed finish after it is gone. */
  keepalive?: boolean;
}

/**
 * Calls the survey API and returns the status and JSON body. Never sends cookies: someone who is also signed in to
 * the console in this browser must not have their session travel with their anonymous answers.
 */
export async function call<T>(path: string, { method = 'GET', json, keepalive = false }: CallOptions = {}): Promise<{ status: number; body: T }> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'omit',
      cache: 'no-store',
      keepalive,
      headers: json === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
  } catch (error) {
    throw new SurveyRequestError(0, 'NETWORK', error instanceof Error ? error.message : 'network error');
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { status: response.status, body: body as T };
  const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new SurveyRequestError(
    response.status,
    error?.code ?? 'HTTP_ERROR',
    error?.message ?? response.statusText,
    error?.details,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}
