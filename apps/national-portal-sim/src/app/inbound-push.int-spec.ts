import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InboundPusher } from './inbound-push';

describe('simulator inbound push', () => {
  let server: Server;
  let url: string;
  const got: { auth?: string; body: unknown }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        got.push({ auth: req.headers['authorization'], body: JSON.parse(data) });
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'x' }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('stores a dossier, pushes it with the bearer token, and pushes a stored one again by national id', async () => {
    const pusher = new InboundPusher(url, 'secret-token');
    const dossier = { nationalId: 'G22-1', procedureCode: '1.001193' };
    await expect(pusher.push({ dossier })).resolves.toMatchObject({ nationalId: 'G22-1', status: 201, body: { id: 'x' } });
    await expect(pusher.push({ nationalId: 'G22-1' })).resolves.toMatchObject({ status: 201 });
    expect(got).toEqual([
      { auth: 'Bearer secret-token', body: dossier },
      { auth: 'Bearer secret-token', body: dossier },
    ]);
    await expect(pusher.push({ nationalId: 'unknown' })).rejects.toMatchObject({ status: 404 });
    await expect(new InboundPusher(undefined, undefined).push({ dossier })).rejects.toMatchObject({ status: 409 });
  });
});
