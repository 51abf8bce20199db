import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ASYNCAPI_URL, serveAsyncApi } from './asyncapi';

/** Swagger UI at /docs, the OpenAPI document at /docs-json, the AsyncAPI document of the Kafka events at /docs/asyncapi.json. */
export function setupSwagger(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('tradehub')
      .setDescription(
        [
          'Seller-side trade management hub: orders, fulfillment, settlement, disputes, reviews, compliance.',
          '',
          '* Money is `{ minor, currency }`: integer minor units as a **decimal string** and an ISO 4217 code.',
          '* Errors are RFC 9457 `application/problem+json` with `code` and `errors[].field`.',
          '* Every mutating call accepts `Idempotency-Key`; a retry returns the first answer.',
          '* Lists are cursor-paginated: pass `nextCursor` back as `cursor`.',
          `* The Kafka events tradehub publishes and consumes: the AsyncAPI document at \`${ASYNCAPI_URL}\`.`,
        ].join('\n'),
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  serveAsyncApi(app);
}
