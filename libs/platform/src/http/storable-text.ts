/** A UTF-16 surrogate not paired with its other half; in `u` mode a proper pair is one code point. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * PostgreSQL text and jsonb hold Unicode text without NUL, but a JSON string may carry either
 * escape: `\u0000` fails any write, a lone surrogate (`\ud800`) fails jsonb and turns into U+FFFD
 * in a text column. Both would surface deep in a write as a server error or as quietly changed
 * data, so inputs are checked at the edge. Returns the JSON path of the first offending string
 * or key and what is wrong with it, or null.
 */
export function findUnstorableText(value: unknown, path = ''): { field: string; message: string } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { field: path || 'body', message: problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnstorableText(item, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      const problem = textProblem(key);
      if (problem) return { field, message: `name ${problem}` };
      const found = findUnstorableText(item, field);
      if (found) return found;
    }
  }
  return null;
}

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must not contain unpaired UTF-16 surrogates';
  return null;
}
