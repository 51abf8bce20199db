/** sessionStorage, tolerant of browsers that refuse it: the tab's sign-in then lasts as long as the page. */
const memory = new Map<string, string>();

export function readItem(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

export function writeItem(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    memory.set(key, value);
  }
}

export function removeItem(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    memory.delete(key);
  }
}
