/** What the API answers on every error: `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Fetches JSON from the API (same origin). A non-JSON or network failure becomes an ApiError with status 0, so
 * callers handle one kind of error. `acceptStatuses` lets a caller read bodies of expected non-2xx answers (a 503
 * from /health still carries the status report).
 */
export async function getJson<T>(path: string, { acceptStatuses = [] as number[], signal }: { acceptStatuses?: number[]; signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : 'network error');
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok || acceptStatuses.includes(response.status)) return body as T;
  const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  throw new ApiError(response.status, error?.code ?? 'HTTP_ERROR', error?.message ?? response.statusText, error?.details);
}
