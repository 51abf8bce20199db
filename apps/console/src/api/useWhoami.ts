import { useEffect, useState } from 'react';
import { loadWhoami, type Whoami } from './me';

/** The signed-in person, once known (undefined while loading or when it could not be read). */
export function useWhoami(): Whoami | undefined {
  const [whoami, setWhoami] = useState<Whoami>();
  useEffect(() => {
    let live = true;
    loadWhoami()
      .then((value) => live && setWhoami(value))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return whoami;
}
