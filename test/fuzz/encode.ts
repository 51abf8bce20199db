import { tinyPdf } from '../support/fulfillment';
import { Body, MultipartPart, QueryPair, RawMutation, Segment } from './request';
import { Deep, Json, Known } from './values';

/** Fills in server-issued values: the id or cursor a `Known` stands for. */
export type Resolve = (known: Known) => string;

const BOUNDARY = 'fuzzboundary7MA4YWxkTrZu0gW';

/** Percent-encodes the UTF-8 bytes of any string (a lone surrogate becomes U+FFFD, as in any client). */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function pathOf(segments: Segment[], resolve: Resolve): string {
  return `/${segments.map((s) => (s instanceof Known ? percentEncode(resolve(s)) : s)).join('/')}`;
}

export function queryOf(pairs: QueryPair[], resolve: Resolve): string {
  if (pairs.length === 0) return '';
  const encoded = pairs.map(([name, value]) => {
    const text =
      value instanceof Known
        ? percentEncode(resolve(value))
        : typeof value === 'string'
          ? percentEncode(value)
          : value.raw;
    return `${percentEncode(name)}=${text}`;
  });
  return `?${encoded.join('&')}`;
}

/** The bytes on the wire and the content type a multipart body needs (its boundary). */
export function bodyOf(body: Body, resolve: Resolve): { bytes: Buffer; multipartType?: string } {
  switch (body.kind) {
    case 'json':
      return {
        bytes: body.raw
          ? applyRaw(serialize(body.value, resolve), body.raw)
          : Buffer.from(serialize(body.value, resolve)),
      };
    case 'form':
      return { bytes: Buffer.from(formOf(body.value, resolve)) };
    case 'multipart':
      return multipart(body.part);
  }
}

/** JSON text with known values filled in and deep nesting written out without recursion. */
export function serialize(value: Json, resolve: Resolve): string {
  const depths: number[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Known) return resolve(v);
    if (v instanceof Deep) {
      depths.push(v.depth);
      return `\u0001deep${depths.length - 1}\u0001`;
    }
    return v;
  });
  return text.replace(/"\\u0001deep(\d+)\\u0001"/g, (_m, i: string) => {
    const depth = depths[Number(i)];
    return `${'['.repeat(depth)}${']'.repeat(depth)}`;
  });
}

function formOf(value: Json, resolve: Resolve): string {
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    value instanceof Known ||
    value instanceof Deep
  ) {
    return percentEncode(serialize(value, resolve));
  }
  return Object.entries(value)
    .map(
      ([k, v]) => `${percentEncode(k)}=${percentEncode(typeof v === 'string' ? v : serialize(v, resolve))}`,
    )
    .join('&');
}

function applyRaw(text: string, raw: RawMutation): Buffer {
  switch (raw.kind) {
    case 'truncate':
      return Buffer.from(text.slice(0, raw.pick % Math.max(1, text.length)));
    case 'bom':
      return Buffer.from(`\ufeff${text}`);
    case 'garbage':
      return Buffer.from(text + raw.text);
    case 'invalid-utf8': {
      // Inside the first string value, where a decoder meets the bytes.
      const at = text.indexOf('":"') + 3;
      const cut = at > 2 ? at : text.length;
      return Buffer.concat([
        Buffer.from(text.slice(0, cut)),
        Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80, 0xc0]),
        Buffer.from(text.slice(cut)),
      ]);
    }
    case 'duplicate-key': {
      const key = /^\{"([^"]*)":/.exec(text)?.[1];
      return Buffer.from(key === undefined ? text : `{"${key}":null,${text.slice(1)}`);
    }
    case 'empty':
      return Buffer.alloc(0);
    case 'whitespace':
      return Buffer.from(` \n\t${text}${'\n'.repeat(1000)}`);
  }
}

function multipart(part: MultipartPart): { bytes: Buffer; multipartType?: string } {
  const file = (name: string, bytes: Uint8Array | string, type = 'application/pdf'): Buffer =>
    Buffer.concat([
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      Buffer.from(bytes),
      Buffer.from('\r\n'),
    ]);
  const end = Buffer.from(`--${BOUNDARY}--\r\n`);
  const type = `multipart/form-data; boundary=${BOUNDARY}`;
  switch (part.kind) {
    case 'pdf':
      return { bytes: Buffer.concat([file('proof.pdf', tinyPdf('fuzz')), end]), multipartType: type };
    case 'not-pdf':
      return { bytes: Buffer.concat([file('proof.pdf', part.text, 'text/plain'), end]), multipartType: type };
    case 'empty-file':
      return { bytes: Buffer.concat([file('proof.pdf', ''), end]), multipartType: type };
    case 'no-file': {
      const field = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n`;
      return { bytes: Buffer.concat([Buffer.from(field), end]), multipartType: type };
    }
    case 'two-files':
      return {
        bytes: Buffer.concat([file('a.pdf', tinyPdf('a')), file('b.pdf', tinyPdf('b')), end]),
        multipartType: type,
      };
    case 'odd-name':
      return { bytes: Buffer.concat([file(part.fileName, tinyPdf('odd')), end]), multipartType: type };
    case 'no-boundary':
      return {
        bytes: Buffer.concat([file('proof.pdf', tinyPdf('x')), end]),
        multipartType: 'multipart/form-data',
      };
    case 'truncated': {
      const whole = Buffer.concat([file('proof.pdf', tinyPdf('cut')), end]);
      return { bytes: whole.subarray(0, part.pick % whole.length), multipartType: type };
    }
    case 'bad-part-header':
      return {
        bytes: Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition form-data name=file\r\n%PDF-1.4\r\n--${BOUNDARY}--\r\n`,
        ),
        multipartType: type,
      };
  }
}
