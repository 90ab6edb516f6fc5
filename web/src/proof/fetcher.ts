/**
 * How the verifier reads the server: GET an API path, get its status and body. The browser uses
 * fetch; tests use app.inject or recorded answers. Nothing read through it is trusted.
 */
export interface ProofFetcher {
  get(path: string): Promise<{ status: number; body: Uint8Array }>;
}

/** The browser's fetcher: same origin by default. */
export function httpFetcher(base = '', init: RequestInit = {}): ProofFetcher {
  return {
    async get(path) {
      const response = await fetch(`${base}${path}`, { ...init, headers: { accept: '*/*' } });
      return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
    },
  };
}

/** A failed read: what was asked and what came back. */
export class FetchFailure extends Error {
  readonly status: number;
  readonly path: string;
  constructor(path: string, status: number, message: string) {
    super(message);
    this.name = 'FetchFailure';
    this.path = path;
    this.status = status;
  }
}

/** GETs a path and expects 200; anything else is a FetchFailure naming the path and the status. */
export async function getOk(fetcher: ProofFetcher, path: string): Promise<Uint8Array> {
  let answer: { status: number; body: Uint8Array };
  try {
    answer = await fetcher.get(path);
  } catch (e) {
    throw new FetchFailure(path, 0, `Could not read ${path}: ${(e as Error).message}.`);
  }
  if (answer.status !== 200) {
    throw new FetchFailure(path, answer.status, `The server answered ${answer.status} for ${path}.`);
  }
  return answer.body;
}

export async function getJson(fetcher: ProofFetcher, path: string): Promise<unknown> {
  const body = await getOk(fetcher, path);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw new FetchFailure(path, 200, `The answer for ${path} is not UTF-8 JSON.`);
  }
}
