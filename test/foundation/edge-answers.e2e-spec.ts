import { connect } from 'node:net';
import { baseUrl } from '../support/fulfillment';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = 'application/problem+json';

/** What Fastify answers before Nest sees the request must be problem+json like every other answer. */
describe('answers the HTTP layer gives on its own are problem+json too', () => {
  let t: TestApp;
  let service: string;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    service = await t.serviceToken();
  });

  afterAll(() => t.close());

  const expectProblem = (
    response: { status: number; headers: Headers; body: any },
    status: number,
    field?: string,
  ): void => {
    expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({
      status,
      type: expect.stringContaining(PROBLEM),
    });
    expect(response.body).toMatchObject({ status, code: expect.any(String), title: expect.any(String) });
    if (field) expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
  };

  /** Writes raw bytes on a socket, for requests fetch() refuses to send; returns the raw answer. */
  const raw = (request: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const { port } = new URL(baseUrl(t));
      const socket = connect(Number(port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
      socket.write(request);
    });

  it('a path id of 3,000 characters is a problem naming the path, not a bare 414', async () => {
    expectProblem(await t.http.get(`/v1/orders/${'a'.repeat(3000)}`, service), 414, 'path');
    expectProblem(await t.http.get(`/v1/review-tasks/${'1'.repeat(3000)}/proof`, service), 414, 'path');
  });

  it('a path that is not valid percent-encoding is a 400 problem naming the path', async () => {
    expectProblem(await t.http.get('/v1/orders/%E0%A4%A', service), 400, 'path');
  });

  it('an unknown route or method is a 404 problem', async () => {
    expectProblem(await t.http.get('/v1/nothing-here', service), 404);
    expectProblem(await t.http.request('PUT', '/v1/orders', { token: service, body: {} }), 404);
    expectProblem(await t.http.request('DELETE', '/v1/carriers', { token: service }), 404);
  });

  it('a body over the limit is 413, an unknown media type 415, an empty JSON body 400: all problems', async () => {
    const huge = paidOrder({ paymentMethod: 'x'.repeat(1024 * 1024) });
    expectProblem(await t.http.post('/v1/orders', huge, service), 413, 'body');
    const text = await t.http.request('POST', '/v1/orders', {
      token: service,
      rawBody: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(text, 415, 'content-type');
    const empty = await t.http.request('POST', '/v1/orders', {
      token: service,
      rawBody: '',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(empty, 400, 'body');
  });

  it('a request the HTTP parser cannot read is answered with a problem before the connection closes', async () => {
    const answer = await raw('GET /v1/carriers HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer.toLowerCase()).toContain(`content-type: ${PROBLEM}`);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400 });
    const tooLarge = await raw(
      `GET /v1/carriers HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(tooLarge).toMatch(/^HTTP\/1\.1 431 /);
    expect(tooLarge.toLowerCase()).toContain(`content-type: ${PROBLEM}`);
  });
});
