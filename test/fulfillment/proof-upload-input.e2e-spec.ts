import { randomUUID } from 'node:crypto';
import { tinyPdf } from '../support/fulfillment';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = 'application/problem+json';
const BOUNDARY = 'proofboundary';

/** Found by the fuzzer: the multipart parser reports a malformed body as a plain error. */
describe('FUL-5 a proof upload whose multipart body cannot be read is a 400 naming file', () => {
  let t: TestApp;
  let seller: string;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    seller = await t.sellerToken(['store-a']);
  });

  afterAll(() => t.close());

  const whole = Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="proof.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.from(tinyPdf()),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);

  const upload = (contentType: string, body: Buffer) =>
    t.http.request('POST', `/v1/packages/${randomUUID()}/proofs`, {
      token: seller,
      rawBody: body,
      headers: { 'content-type': contentType },
    });

  it('FUL-5: without a boundary, or cut short, the upload is refused as a problem naming file', async () => {
    for (const [contentType, body] of [
      ['multipart/form-data', whole],
      [`multipart/form-data; boundary=${BOUNDARY}`, whole.subarray(0, 120)],
      [`multipart/form-data; boundary=${BOUNDARY}`, whole.subarray(0, whole.length - 10)],
    ] as const) {
      const response = await upload(contentType, body);
      expect({ contentType, length: body.length, status: response.status }).toEqual({
        contentType,
        length: body.length,
        status: 400,
      });
      expect(response.headers.get('content-type')).toContain(PROBLEM);
      expect(response.body).toMatchObject({ code: 'MALFORMED_MULTIPART', errors: [{ field: 'file' }] });
    }
  });

  it('FUL-5: a readable upload still reaches the rules (an unknown package is 404)', async () => {
    const response = await upload(`multipart/form-data; boundary=${BOUNDARY}`, whole);
    expect(response.status).toBe(404);
  });
});
