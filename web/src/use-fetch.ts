import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; error: Error; retry: () => void }
  | { state: 'ready'; data: T; reload: () => void };

/** Runs `load` when `key` changes; a stale answer (key changed since) is dropped. */
export function useFetch<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [result, setResult] = useState<{ key: string; loaded: Loaded<T> } | null>(null);
  const [tick, setTick] = useState(0);
  const again = useCallback(() => setTick((n) => n + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is a new closure on every render; `key` names what it loads.
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setResult({ key, loaded: { state: 'ready', data, reload: again } }),
      (error: Error) => live && setResult({ key, loaded: { state: 'error', error, retry: again } }),
    );
    return () => {
      live = false;
    };
  }, [key, tick, again]);
  if (!result || result.key !== key) return { state: 'loading' };
  return result.loaded;
}
