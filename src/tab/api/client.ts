import { ApiError, TokenUnavailableError, type AccessProblem } from './apiError.js';
import type { ApiErrorBody } from './types.js';

/** Base path of the tab API on the same server that serves the tab. */
export const API_BASE = '/api/tab';

/** Query values. Undefined values and empty strings are left out of the URL. */
export type QueryValues = Record<string, string | number | undefined>;

/**
 * Calls the tab API with the consultant's Bearer token. Every method throws {@link ApiError} for a non-2xx
 * response and for a network failure (status 0), and {@link TokenUnavailableError} when no token is to be had.
 * Both an access denial (401, 403) and a missing token go to `onAuthFailure` before the throw, so the shell
 * can replace the screen with what to do.
 */
export class ApiClient {
  /**
   * @param getToken - Returns a current token. Teams renews its SSO token inside this call when needed.
   * @param onAuthFailure - Called with every 401 or 403 error and every failure to get a token.
   */
  constructor(
    private readonly getToken: () => Promise<string>,
    private readonly onAuthFailure: (problem: AccessProblem) => void = () => undefined,
  ) {}

  get<Result>(path: string, query: QueryValues = {}): Promise<Result> {
    return this.send<Result>('GET', `${path}${queryString(query)}`);
  }

  post<Result>(path: string, body: unknown = {}): Promise<Result> {
    return this.send<Result>('POST', path, body);
  }

  put<Result>(path: string, body: unknown = {}): Promise<Result> {
    return this.send<Result>('PUT', path, body);
  }

  delete<Result = void>(path: string): Promise<Result> {
    return this.send<Result>('DELETE', path);
  }

  /**
   * Downloads a file response, such as a CSV export, with the name from its Content-Disposition header
   * (undefined when the header names none).
   */
  async download(path: string, query: QueryValues = {}, accept = '*/*'): Promise<{ blob: Blob; fileName?: string }> {
    const response = await this.fetchOk('GET', `${path}${queryString(query)}`, undefined, accept);
    return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
  }

  private async send<Result>(method: string, path: string, body?: unknown): Promise<Result> {
    const response = await this.fetchOk(method, path, body, 'application/json');
    if (response.status === 204) return undefined as Result;
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as Result;
  }

  /** Sends a request and returns its 2xx response, or throws {@link ApiError} for any other outcome. */
  private async fetchOk(method: string, path: string, body: unknown, accept: string): Promise<Response> {
    let token: string;
    try {
      token = await this.getToken();
    } catch (error) {
      const problem = new TokenUnavailableError(error);
      this.onAuthFailure(problem);
      throw problem;
    }
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept };
    if (body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    try {
      response = await fetch(`${API_BASE}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(method, path, 0);
    }

    if (!response.ok) {
      const error = new ApiError(method, path, response.status, await readErrorBody(response));
      if (error.isAuthFailure) this.onAuthFailure(error);
      throw error;
    }
    return response;
  }
}

/** Returns the file name of a Content-Disposition header, preferring the UTF-8 `filename*` form. */
export function fileNameOf(header: string | null): string | undefined {
  if (header === null) return undefined;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded !== undefined) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed percent escape falls through to the plain filename parameter.
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1]?.trim();
}

/** Builds "?a=1&b=2" from the defined, non-empty values, or "" when there are none. */
export function queryString(query: QueryValues): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') parameters.set(name, String(value));
  }
  const text = parameters.toString();
  return text === '' ? '' : `?${text}`;
}

async function readErrorBody(response: Response): Promise<ApiErrorBody | undefined> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    return typeof body?.code === 'string' && typeof body.message === 'string' ? (body as ApiErrorBody) : undefined;
  } catch {
    return undefined;
  }
}
