import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { HealthController } from './health';
import { HttpMetricsMiddleware, MetricsController } from './metrics';

/** /health, /metrics and per-request HTTP metrics. Logging is set up by LoggerModule in the app. */
@Module({ controllers: [HealthController, MetricsController] })
export class ObservabilityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
