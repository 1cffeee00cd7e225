/** Loading a page's data: the state drives the view (spinner, error box with retry, or the data). */
import { useCallback, useEffect, useState } from 'preact/hooks';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown; retry: () => void }
  | { state: 'ok'; value: T; reload: () => void };

/** Runs `fetch` on mount and whenever `deps` change; an answer that arrives after unmount is dropped. */
export function useLoad<T>(fetch: () => Promise<T>, deps: unknown[]): Load<T> {
  const [round, setRound] = useState(0);
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const again = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    setLoad((prev) => (prev.state === 'ok' ? prev : { state: 'loading' }));
    fetch().then(
      (value) => live && setLoad({ state: 'ok', value, reload: again }),
      (error: unknown) => live && setLoad({ state: 'error', error, retry: again }),
    );
    return () => {
      live = false;
    };
    // eslint-style exhaustive deps do not apply: the caller names what the fetch depends on.
  }, [...deps, round]);
  return load;
}
