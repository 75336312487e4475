import { createContext, useContext } from 'react';
import type { ApiClient } from './client.js';

/** Provides the signed-in API client to every screen. */
export const ApiContext = createContext<ApiClient | undefined>(undefined);

/**
 * Returns the API client of the signed-in consultant.
 *
 * @throws Error when called outside the shell, which provides the client after sign-in.
 */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (api === undefined) throw new Error('useApi() needs the ApiContext provider of the signed-in shell');
  return api;
}
