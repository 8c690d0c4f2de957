import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SimRuntime } from './sim-runtime';

export const SIM_RUNTIME = Symbol('SIM_RUNTIME');

/** The portal's adapter (login, service) and the simulator's own control endpoints under /sim. */
@Controller()
export class SimController {
  constructor(@Inject(SIM_RUNTIME) private readonly sim: SimRuntime) {}

  @Post('adapter/auth')
  auth(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>) {
    return this.sim.adapter(req, res, () => this.sim.login(body ?? {}));
  }

  @Post('adapter/service')
  service(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>) {
    return this.sim.adapter(req, res, () => this.sim.service(body ?? {}), body?.['service'] === 'DongBoHoSoMC');
  }

  /** Every dossier held with its last version and status, and the counters. */
  @Get('sim/state')
  state() {
    return this.sim.state();
  }

  /** Updates received in arrival order, from sequence number `since` (exclusive). */
  @Get('sim/received')
  received(@Query('since') since?: string) {
    const from = Math.max(0, Number(since) || 0);
    return { items: this.sim.store.log.slice(from) };
  }

  @Get('sim/faults')
  faults() {
    return this.sim.faults;
  }

  /** Changes faults at runtime: any of latencyMs, errorRate, timeoutRate, resetRate, dropResponseRate, slowDrainMs; `seed` reseeds. */
  @Post('sim/faults')
  @HttpCode(200)
  setFaults(@Body() body: Record<string, unknown>) {
    const { seed, ...patch } = body ?? {};
    return this.sim.setFaults(patch, seed === undefined ? undefined : Number(seed));
  }

  @Post('sim/sessions/expire')
  @HttpCode(204)
  expireSessions() {
    this.sim.expireSessions();
  }

  @Post('sim/reset')
  @HttpCode(204)
  reset() {
    this.sim.store.reset();
  }
}
