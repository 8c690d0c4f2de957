import { Body, Controller, Delete, Get, HttpCode, HttpException, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { InboundPusher, InboundPushError } from './inbound-push';
import { SimRuntime } from './sim-runtime';

export const SIM_RUNTIME = Symbol('SIM_RUNTIME');

/** The portal's adapter (login, service) and the simulator's own control endpoints under /sim. */
@Controller()
export class SimController {
  constructor(@Inject(SIM_RUNTIME) private readonly sim: SimRuntime) {}
  private readonly inbound = InboundPusher.fromEnv();

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

  /**
   * Pushes an inbound dossier to the province (`SIM_INBOUND_URL`, bearer `SIM_INBOUND_TOKEN`, or `url`/`token`
   * in the body): `dossier` is stored first when given; `nationalId` pushes a stored one again.
   */
  @Post('sim/inbound/push')
  @HttpCode(200)
  async pushInbound(@Body() body: { dossier?: Record<string, unknown>; nationalId?: string; url?: string; token?: string }) {
    try {
      return await this.inbound.push(body ?? {});
    } catch (e) {
      if (e instanceof InboundPushError) throw new HttpException({ message: e.message }, e.status);
      throw new HttpException({ message: (e as Error).message }, 502);
    }
  }

  @Get('sim/inbound')
  inboundHeld() {
    return { items: this.inbound.list() };
  }

  /** The national TTHC catalog as published (LayDanhSachTTHC / LayThuTuc records). */
  @Get('sim/catalog')
  catalog() {
    return { items: this.sim.catalog.all() };
  }

  /** Publishes a procedure's new content (tests): stored as given, NGAYCAPNHAT now unless given. */
  @Put('sim/catalog/:code')
  putProcedure(@Param('code') code: string, @Body() body: Record<string, unknown>) {
    return this.sim.catalog.put(code, body ?? {});
  }

  @Delete('sim/catalog/:code')
  @HttpCode(204)
  removeProcedure(@Param('code') code: string) {
    if (!this.sim.catalog.remove(code)) throw new HttpException({ message: `Không có thủ tục mã ${code}` }, 404);
  }

  /** Back to the seeded catalog. */
  @Post('sim/catalog/reset')
  @HttpCode(204)
  resetCatalog() {
    this.sim.catalog.reset();
  }

  @Post('sim/reset')
  @HttpCode(204)
  reset() {
    this.sim.store.reset();
  }
}
