export { ObservabilityModule } from './lib/observability.module';
export { ProblemDetailsFilter, toProblem } from './lib/problem-details.filter';
export { createValidationPipe } from './lib/validation';
export { pinoParams } from './lib/logging';
export { metricsRegistry } from './lib/metrics';
