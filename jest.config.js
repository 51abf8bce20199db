// Nest 12 and MikroORM 7 are ES modules loaded through Node's require(esm); Jest runs with
// --experimental-vm-modules (see scripts/test.mjs) and @swc/jest compiles TypeScript to CommonJS.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2023',
      },
      module: { type: 'commonjs' },
    },
  ],
};

const contexts = [
  'kernel',
  'platform',
  'orders',
  'fulfillment',
  'settlement',
  'disputes',
  'reviews',
  'compliance',
  'access',
];
const moduleNameMapper = Object.fromEntries(
  contexts.flatMap((c) => [
    [`^@tradehub/${c}$`, `<rootDir>/libs/${c}/src`],
    [`^@tradehub/${c}/contract$`, `<rootDir>/libs/${c}/src/contract`],
  ]),
);

/** Integration suites that assert wall-clock latencies (a restart within 5 s, a delivery within 300 ms). */
const ALONE = [
  'test/hardening/availability.e2e-spec.ts',
  'test/foundation/outbox-relay.e2e-spec.ts',
  'test/foundation/timer-wake.e2e-spec.ts',
  'test/access/standing-changes.e2e-spec.ts',
];
const pathPattern = (file) => `/${file.replace(/[.]/g, '\\.')}$`;

const common = {
  transform,
  moduleNameMapper,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};

/**
 * Unit tests (pure domain, no I/O), integration tests (real PostgreSQL and Kafka) and long ones
 * (integration tests that load the machine for minutes) run as three projects.
 */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/test/unit/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...ALONE.map(pathPattern)],
      slowTestThreshold: 30,
    },
    // The suites that bound a latency in wall time: `npm test` runs them after the others, one at a
    // time, as the two integration workers would slow each other's restarts and deliveries.
    {
      ...common,
      displayName: 'alone',
      testMatch: ALONE.map((file) => `<rootDir>/${file}`),
      slowTestThreshold: 30,
    },
    // Minutes of load on both cores (the ledger's 100,000-operation property test): `npm test` runs
    // these after the others, alone, so timing-sensitive suites never share the machine with them.
    {
      ...common,
      displayName: 'long',
      testMatch: ['<rootDir>/test/**/*.long-spec.ts'],
      slowTestThreshold: 1200,
    },
  ],
  testTimeout: 60000,
  // No forceExit: a suite must close what it opened. Broker connections take a moment to close after
  // the last test; only a process still alive after this long is reported as holding something open.
  openHandlesTimeout: 5000,
};
