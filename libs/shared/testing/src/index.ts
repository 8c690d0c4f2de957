export { createTestDatabase, testRedisPrefix, databaseUrlFor, TEMPLATE_DB_ENV } from './lib/test-env';
export type { TestDatabase } from './lib/test-env';
