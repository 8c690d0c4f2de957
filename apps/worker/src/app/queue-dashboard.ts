import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { getDataSourceToken } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Official } from '@dvc/platform/identity';
import { QUEUES } from '@dvc/platform/queue';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board for operators, behind a login with a system_admin official account (HTTP Basic
 * over TLS in production). A successful check is remembered for 5 minutes so the dashboard's
 * many asset requests do not each pay for an argon2 verification.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'Hàng đợi DVC' } },
  });
  const db = app.get<DataSource>(getDataSourceToken());
  const verified = new Map<string, number>();
  const deny = (res: Response) =>
    res.status(401).set('WWW-Authenticate', 'Basic realm="dvc-queues", charset="UTF-8"').type('text/plain; charset=utf-8').send('Cần đăng nhập bằng tài khoản quản trị hệ thống');

  app.use(DASHBOARD_PATH, async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return deny(res);
    if ((verified.get(header) ?? 0) > Date.now()) return next();
    const [username, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    const official = await db.getRepository(Official).findOneBy({ username });
    const ok = !!official && official.active && official.roles.includes('system_admin') && (await argon2.verify(official.passwordHash, rest.join(':')).catch(() => false));
    if (!ok) return deny(res);
    verified.set(header, Date.now() + 5 * 60_000);
    return next();
  });
  app.use(DASHBOARD_PATH, adapter.getRouter());
}
