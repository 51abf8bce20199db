import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Carrier } from '../api/types';

let cached: Promise<Carrier[]> | undefined;

/** The approved carriers (FUL-1), read once per page. */
export function useCarriers(): { carriers: Carrier[] | undefined; error: unknown } {
  const [carriers, setCarriers] = useState<Carrier[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    cached ??= api<Carrier[]>('/v1/carriers').catch((failure: unknown) => {
      cached = undefined;
      throw failure;
    });
    cached.then(
      (list) => live && setCarriers(list),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, []);
  return { carriers, error };
}
