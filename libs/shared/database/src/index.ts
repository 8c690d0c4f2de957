export { SnakeNamingStrategy } from './lib/snake-naming.strategy';
export {
  dataSourceOptions,
  assertDatabaseReachable,
  ensureDatabaseExists,
  DatabaseUnavailableError,
} from './lib/data-source';
export type { DatabaseOptions } from './lib/data-source';
