/** What the API answers on every error: `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** From a 429's Retry-After header: how long to wait before trying again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A request body: JSON, or raw text with its content type (a unit tree as `text/csv`). */
export type RequestBody = { json: unknown } | { text: string; type: string };

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: RequestBody;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Statuses whose JSON body is returned instead of thrown (a 503 from /health still carries the status report). */
  acceptStatuses?: number[];
}

function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/**
 * Calls the API (same origin) and returns the JSON answer (undefined for 204). A network failure or a non-JSON error
 * becomes an ApiError too (status 0 for the network), so callers handle one kind of error.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, acceptStatuses = [] } = options;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let payload: string | undefined;
  if (body && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body) {
    headers['content-type'] = body.type;
    payload = body.text;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(payload === undefined ? {} : { body: payload }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : 'network error');
  }
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => null);
  if (response.ok || acceptStatuses.includes(response.status)) return parsed as T;
  const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  throw new ApiError(
    response.status,
    error?.code ?? 'HTTP_ERROR',
    error?.message ?? response.statusText,
    error?.details,
    retryAfter(response),
  );
}

/** GET without a session (public endpoints such as /health). */
export function getJson<T>(path: string, { acceptStatuses = [] as number[], signal }: { acceptStatuses?: number[]; signal?: AbortSignal } = {}): Promise<T> {
  return request<T>(path, { acceptStatuses, ...(signal ? { signal } : {}) });
}
