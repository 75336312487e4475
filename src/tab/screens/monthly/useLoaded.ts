import { useCallback, useEffect, useRef, useState } from 'react';

/** State of data that a screen loads from the API. */
export interface Loaded<Data> {
  /** The last loaded data, undefined before the first load and while the inputs are incomplete. */
  data: Data | undefined;
  /** The error of the last load, undefined after a successful one. */
  error: unknown;
  loading: boolean;
  /** Loads again with the current inputs. */
  reload: () => Promise<void>;
}

/**
 * Loads data whenever `load` changes (wrap it in useCallback with its inputs). `load` returns undefined
 * while its inputs are incomplete. A result that arrives after a newer load started is dropped, so a
 * slow response for an old customer or month never replaces the current one.
 */
export function useLoaded<Data>(load: () => Promise<Data> | undefined): Loaded<Data> {
  const [data, setData] = useState<Data>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const call = ++latest.current;
    const pending = load();
    if (pending === undefined) {
      setData(undefined);
      setError(undefined);
      setLoading(false);
      return;
    }
    setLoading(true);
    try {
      const result = await pending;
      if (call !== latest.current) return;
      setData(result);
      setError(undefined);
    } catch (failure) {
      if (call !== latest.current) return;
      setData(undefined);
      setError(failure);
    } finally {
      if (call === latest.current) setLoading(false);
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}
