import { API_BASE } from '../api/client.js';

/**
 * Requests a development token of the configured consultant from the server. Returns undefined when the
 * server has no development sign-in (404, the default) or cannot be reached, so the tab tells the consultant
 * to open it in Teams.
 */
export async function requestDevToken(): Promise<string | undefined> {
  try {
    const response = await fetch(`${API_BASE}/dev-sign-in`, { method: 'POST', headers: { accept: 'application/json' } });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { token?: unknown; accessToken?: unknown };
    const token = body.token ?? body.accessToken;
    return typeof token === 'string' && token !== '' ? token : undefined;
  } catch {
    return undefined;
  }
}
