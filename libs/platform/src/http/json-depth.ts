/**
 * How deep objects and arrays may nest in a request body or an incoming message. Ours need
 * five levels; validation and the edge checks walk a body recursively, so a body nested a few
 * thousand levels would overflow the stack there instead of being refused.
 */
export const MAX_JSON_DEPTH = 32;

export const TOO_DEEP_MESSAGE = `is nested deeper than ${MAX_JSON_DEPTH} levels`;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x7b, 0x5b]); // { [
const CLOSERS = new Set([0x7d, 0x5d]); // } ]

/**
 * Whether JSON text nests deeper than `limit`, found in one pass without recursion, before
 * anything parses it. Brackets inside strings do not count; text that is not JSON at all is
 * left for the parser to refuse.
 */
export function jsonNestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPENERS.has(c)) {
      if (++depth > limit) return true;
    } else if (CLOSERS.has(c)) depth--;
  }
  return false;
}
