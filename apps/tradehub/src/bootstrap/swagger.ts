import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ASYNCAPI_URL, serveAsyncApi } from './asyncapi';
import { documentProblems } from './openapi-problems';

/**
 * Swagger UI at /docs, the OpenAPI document at /docs-json (linted by test/foundation/openapi.e2e-spec.ts),
 * the AsyncAPI document of the Kafka events at /docs/asyncapi.json.
 */
export function setupSwagger(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('tradehub')
    .setDescription(
      [
        'Seller-side trade management hub: orders, fulfillment, settlement, disputes, reviews, compliance.',
        '',
        '* Money is `{ minor, currency }`: integer minor units as a **decimal string** and an ISO 4217 code.',
        '* Errors are RFC 9457 `application/problem+json` (schema `Problem`) with a stable `code`,',
        '  `errors[].field` and the `requestId`.',
        '* Every mutating call accepts `Idempotency-Key`; a retry returns the first answer.',
        '* Lists are cursor-paginated: pass `nextCursor` back as `cursor`.',
        `* The Kafka events tradehub publishes and consumes: the AsyncAPI document at \`${ASYNCAPI_URL}\`.`,
      ].join('\n'),
    )
    .setVersion('1')
    // Relative: the host that serves this document, whichever deployment or sandbox it is.
    .addServer('/', 'This deployment (the host serving this document)')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  config.info.license = { name: 'UNLICENSED (proprietary)' };
  const document = SwaggerModule.createDocument(app, config);
  documentProblems(app, document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  serveAsyncApi(app);
}
