import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig, OAUTH2_SCHEME, SCOPES } from '@tradehub/platform';
import { ASYNCAPI_URL, serveAsyncApi } from './asyncapi';
import { documentProblems } from './openapi-problems';

/** Where Swagger UI lives; it serves swagger-ui-dist's files, `oauth2-redirect.html` among them, under it. */
const DOCS_PATH = 'docs';

/**
 * API-1: the page of Swagger UI the OAuth 2.0 server sends the browser back to after "Authorize"
 * (the `redirect_uri` of the client `swagger-ui`). Absolute, on the deployment's public URL: a
 * redirect URI must be one (RFC 6749 §3.1.2), and Swagger UI's own default would miss the `/docs` prefix.
 */
export const SWAGGER_OAUTH2_REDIRECT_PATH = `/${DOCS_PATH}/oauth2-redirect.html`;

/** The client Swagger UI authorizes as (public, PKCE): registered by the access module with the redirect above. */
export const SWAGGER_UI_CLIENT_ID = 'swagger-ui';

/**
 * Swagger UI at /docs, the OpenAPI document at /docs-json (linted by test/foundation/openapi.e2e-spec.ts),
 * the AsyncAPI document of the Kafka events at /docs/asyncapi.json.
 */
export function setupSwagger(app: INestApplication): void {
  const { auth } = app.get<AppConfig>(APP_CONFIG);
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
        '* Every operation needs one OAuth 2.0 scope (its `oauth2` security requirement); a token',
        '  without it gets 403 `INSUFFICIENT_SCOPE` naming the scope.',
        `* The Kafka events tradehub publishes and consumes: the AsyncAPI document at \`${ASYNCAPI_URL}\`.`,
      ].join('\n'),
    )
    .setVersion('1')
    // Relative: the host that serves this document, whichever deployment or sandbox it is.
    .addServer('/', 'This deployment (the host serving this document)')
    // Development tokens of the sandbox's token CLI, pasted as they are.
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    // API-1: tradehub's OAuth 2.0 server; its URLs are relative to the server above, like the API's.
    .addOAuth2(
      {
        type: 'oauth2',
        description: "Access tokens of tradehub's OAuth 2.0 server; each operation names the scope it needs.",
        flows: {
          authorizationCode: {
            authorizationUrl: '/oauth/auth',
            tokenUrl: '/oauth/token',
            refreshUrl: '/oauth/token',
            scopes: { ...SCOPES },
          },
          clientCredentials: { tokenUrl: '/oauth/token', scopes: { ...SCOPES } },
        },
      },
      OAUTH2_SCHEME,
    )
    .build();
  config.info.license = { name: 'UNLICENSED (proprietary)' };
  const document = SwaggerModule.createDocument(app, config);
  documentProblems(app, document);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: {
      // "Authorize" runs the authorization code flow with PKCE as the public client `swagger-ui`.
      initOAuth: { clientId: SWAGGER_UI_CLIENT_ID, usePkceWithAuthorizationCodeGrant: true, scopes: [] },
      oauth2RedirectUrl: `${auth.publicUrl}${SWAGGER_OAUTH2_REDIRECT_PATH}`,
      persistAuthorization: true,
    },
  });
  serveAsyncApi(app);
}
