export { loadConfig, ConfigError, APP_CONFIG } from './lib/app-config';
export type { AppConfig } from './lib/app-config';
export { AppConfigModule } from './lib/config.module';
