import { TestApp } from './test-app';

/** A minimal valid PDF: header, one empty page, trailer. */
export function tinyPdf(note = 'pickup proof'): Uint8Array {
  const text = `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n% ${note}\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  return new TextEncoder().encode(text);
}

let serial = 0;
/** A CAINIAO tracking number (LP + 14 digits), unique per call. */
export function cainiaoNumber(): string {
  serial += 1;
  return `LP${String(Date.now() % 1e8).padStart(8, '0')}${String(serial).padStart(6, '0')}`;
}

export async function uploadProof(
  t: TestApp,
  packageId: string,
  token: string,
  bytes: Uint8Array,
  fileName = 'proof.pdf',
  type = 'application/pdf',
) {
  const form = new FormData();
  form.append('file', new Blob([bytes as BlobPart], { type }), fileName);
  const response = await fetch(`${baseUrl(t)}/v1/packages/${packageId}/proofs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export function baseUrl(t: TestApp): string {
  const address = t.app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

/** Reports a carrier scan through the internal REST endpoint, as the logistics team would. */
export async function scan(
  t: TestApp,
  body: { eventId?: string; carrierCode: string; trackingNumber: string; type: string; occurredAt: string },
) {
  const response = await t.http.post(
    '/v1/tracking-events',
    { eventId: body.eventId ?? `ev-${Math.random().toString(36).slice(2)}`, ...body },
    await t.serviceToken(),
  );
  if (response.status !== 200)
    throw new Error(`scan refused: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
