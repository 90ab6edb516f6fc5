import { ApiError } from '../api.ts';

/** A request with the actor's bearer token; a refusal comes back as the API's problem. */
export async function authorized<T>(token: string, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...init.headers },
  });
  const body = (await response.json().catch(() => null)) as (T & { code?: string; detail?: string }) | null;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.code ?? 'http-error',
      body?.detail ?? `${response.status} ${response.statusText}`,
    );
  }
  return body as T;
}
