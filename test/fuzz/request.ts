import { Json, Known } from './values';

/** Who the request claims to be; the runner turns each kind into a header. */
export const AUTH_KINDS = [
  'service',
  'operator',
  'seller',
  'seller-elsewhere',
  'partner',
  'none',
  'garbage',
  'tampered',
  'expired',
  'no-exp',
  'future',
  'basic',
] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

/** A change to the serialised JSON text, made by the runner once known values are filled in. */
export type RawMutation =
  | { kind: 'truncate'; pick: number }
  | { kind: 'bom' }
  | { kind: 'garbage'; text: string }
  | { kind: 'invalid-utf8' }
  | { kind: 'duplicate-key' }
  | { kind: 'empty' }
  | { kind: 'whitespace' };

export type Body =
  | { kind: 'json'; value: Json; raw?: RawMutation }
  | { kind: 'form'; value: Json }
  | { kind: 'multipart'; part: MultipartPart };

export type MultipartPart =
  | { kind: 'pdf' }
  | { kind: 'not-pdf'; text: string }
  | { kind: 'empty-file' }
  | { kind: 'no-file' }
  | { kind: 'two-files' }
  | { kind: 'odd-name'; fileName: string }
  | { kind: 'no-boundary' }
  | { kind: 'truncated'; pick: number }
  | { kind: 'bad-part-header' };

/** A path segment: text sent as is (already URL-encoded), or an id the server issued. */
export type Segment = string | Known;
/** A query pair: the value is encoded by the runner unless marked raw. */
export type QueryPair = [string, string | Known | { raw: string }];

export interface FuzzRequest {
  index: number;
  operation: string;
  method: string;
  segments: Segment[];
  query: QueryPair[];
  auth: AuthKind;
  headers: Record<string, string>;
  /** null: no content-type header at all. */
  contentType: string | null;
  body: Body | null;
  notes: string[];
}
