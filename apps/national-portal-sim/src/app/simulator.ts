import type { AddressInfo } from 'node:net';
import { ArgumentsHost, Catch, DynamicModule, ExceptionFilter, HttpException, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'express';
import { ZodError } from 'zod';
import { NO_FAULTS, SimOptions } from './sim-config';
import { SimController, SIM_RUNTIME } from './sim.controller';
import { SimRuntime } from './sim-runtime';

/** Errors answer JSON in the adapter's shape; bad fault settings are a 400. */
@Catch()
class SimErrorFilter implements ExceptionFilter {
  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (err instanceof ZodError) {
      res.status(400).json({ error_code: 'E_DATA', message: err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return;
    }
    const status = err instanceof HttpException ? err.getStatus() : 500;
    res.status(status).json({ error_code: status, message: err instanceof Error ? err.message : 'error' });
  }
}

@Module({})
class SimModule {
  static forRoot(runtime: SimRuntime): DynamicModule {
    return { module: SimModule, controllers: [SimController], providers: [{ provide: SIM_RUNTIME, useValue: runtime }] };
  }
}

export interface RunningSimulator {
  app: INestApplication;
  runtime: SimRuntime;
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_SIM_OPTIONS: SimOptions = {
  host: '127.0.0.1',
  port: 0,
  username: 'dvc-dev',
  password: 'dvc-dev-password',
  sessionTtlMs: 30 * 60_000,
  seed: 20260609,
  faults: NO_FAULTS,
};

/** Starts the national-portal simulator (port 0: any free port); used by main.ts, the tests and the bench. */
export async function startSimulator(options: Partial<SimOptions> = {}, opts: { logger?: boolean } = {}): Promise<RunningSimulator> {
  const o: SimOptions = { ...DEFAULT_SIM_OPTIONS, ...options, faults: { ...NO_FAULTS, ...options.faults } };
  const runtime = new SimRuntime(o);
  const app = await NestFactory.create<NestExpressApplication>(SimModule.forRoot(runtime), {
    logger: opts.logger ? ['error', 'warn', 'log'] : false,
    httpsOptions: o.tls ? { cert: o.tls.cert, key: o.tls.key, ca: o.tls.ca, requestCert: !!o.tls.ca, rejectUnauthorized: !!o.tls.ca } : undefined,
  });
  app.useBodyParser('json', { limit: '10mb' });
  app.useGlobalFilters(new SimErrorFilter());
  app.disable('x-powered-by');
  await app.listen(o.port, o.host);
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const url = `${o.tls ? 'https' : 'http'}://${o.host}:${port}`;
  return {
    app,
    runtime,
    url,
    port,
    async close() {
      runtime.destroyHung();
      await app.close();
    },
  };
}
