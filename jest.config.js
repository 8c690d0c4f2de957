// Jest projects: `unit` (*.spec.ts, no I/O), `integration` (*.int-spec.ts, real PostgreSQL and
// Redis; a template database is migrated once per run by the global setup) and `e2e` (e2e/*.e2e-spec.ts,
// run by e2e/run.mjs against the started apps in Chromium).
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace(/[/.]/g, '\\$&')}$`] = `<rootDir>/${target}`;
}

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

const roots = ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/migrations', '<rootDir>/tools'];
const testPathIgnorePatterns = ['/node_modules/', '/dist/', '<rootDir>/apps/portal/', '<rootDir>/apps/desk/'];

module.exports = {
  // A global option (Jest ignores it inside projects): integration specs boot the real API and database.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots,
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns,
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots,
      testMatch: ['**/*.int-spec.ts'],
      testPathIgnorePatterns,
      transform,
      moduleNameMapper,
      globalSetup: '<rootDir>/tools/jest-global-setup.js',
      globalTeardown: '<rootDir>/tools/jest-global-teardown.js',
      testTimeout: 60000,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/e2e'],
      testMatch: ['**/*.e2e-spec.ts'],
      transform,
      moduleNameMapper,
      testTimeout: 120000,
    },
  ],
};
