import { useState, type RefObject } from 'react';

/**
 * The item a list shows in its panel and the row's button that opened it. Closing puts focus back
 * on that button, or on `fallback` (the list) when its row has left the list meanwhile.
 */
export function useOpenPanel<T>(fallback?: RefObject<HTMLElement | null>) {
  const [open, setOpen] = useState<{ item: T; opener: HTMLButtonElement }>();
  const focusBack = (opener: HTMLButtonElement | undefined) =>
    requestAnimationFrame(() => (opener?.isConnected ? opener : fallback?.current)?.focus());
  return {
    item: open?.item,
    show: (item: T, opener: HTMLButtonElement) => setOpen({ item, opener }),
    close: () => {
      focusBack(open?.opener);
      setOpen(undefined);
    },
    /** The item has left the list (decided): the panel goes and focus goes to the list. */
    closeToList: () => {
      setOpen(undefined);
      focusBack(undefined);
    },
    /** The panel goes with nothing to return to (the list changes under it, another panel follows). */
    drop: () => setOpen(undefined),
  };
}
