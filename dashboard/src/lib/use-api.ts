import { useCallback, useEffect, useState } from 'react';
import { ApiError, request } from '../api/client';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True while a request is in flight; `data` keeps the previous answer meanwhile, so views don't flash. */
  loading: boolean;
  reload(): void;
}

interface Result<T> {
  /** The request this answers: path and reload count. */
  key: string;
  data?: T;
  error?: ApiError;
}

/** GETs `path` (null: nothing to load) and answers its state; a new path aborts the request before it. */
export function useApi<T>(path: string | null): ApiState<T> {
  const [nonce, setNonce] = useState(0);
  const [result, setResult] = useState<Result<T>>({ key: '' });
  const key = path === null ? '' : `${nonce}:${path}`;

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    request<T>(path, { signal: controller.signal })
      .then((data) => setResult({ key, data }))
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        const error =
          caught instanceof ApiError ? caught : new ApiError(0, 'client_error', 'Something went wrong in the page.');
        setResult((previous) => ({ key, data: previous.data, error }));
      });
    return () => controller.abort();
  }, [path, key]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = result.key === key;
  return {
    data: result.data,
    error: current ? result.error : undefined,
    loading: path !== null && !current,
    reload,
  };
}

/** The value after it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
