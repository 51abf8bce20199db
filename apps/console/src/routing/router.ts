/**
 * A history-based router in a few lines: the path is the state, `navigate` changes it, and
 * subscribers (useLocationPath) hear about it as they do about the Back button.
 */
const listeners = new Set<() => void>();

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
}

export function subscribeToPath(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function currentPath(): string {
  return location.pathname;
}
