/**
 * The portal's side of inbound dossiers: dossiers "submitted on the national portal" are held here and
 * pushed to the province's endpoint (`SIM_INBOUND_URL`, bearer `SIM_INBOUND_TOKEN`), as the portal would.
 */
export interface InboundPushResult {
  nationalId: string;
  url: string;
  status: number;
  body: unknown;
}

export class InboundPusher {
  private readonly held = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly url: string | undefined,
    private readonly token: string | undefined,
    private readonly timeoutMs = 10_000,
  ) {}

  static fromEnv(env: Record<string, string | undefined> = process.env): InboundPusher {
    return new InboundPusher(env['SIM_INBOUND_URL'] || undefined, env['SIM_INBOUND_TOKEN'] || undefined);
  }

  /** Stores `dossier` when given (keyed by its `nationalId`), then pushes the stored dossier `nationalId`. */
  async push(body: { dossier?: Record<string, unknown>; nationalId?: string; url?: string; token?: string }): Promise<InboundPushResult> {
    const dossier = body.dossier;
    if (dossier && typeof dossier['nationalId'] === 'string') this.held.set(dossier['nationalId'], dossier);
    const nationalId = body.nationalId ?? (typeof dossier?.['nationalId'] === 'string' ? dossier['nationalId'] : undefined);
    if (!nationalId) throw new InboundPushError(400, 'dossier.nationalId or nationalId is required');
    const stored = this.held.get(nationalId);
    if (!stored) throw new InboundPushError(404, `no inbound dossier ${nationalId} held`);
    const url = body.url ?? this.url;
    if (!url) throw new InboundPushError(409, 'no push URL: set SIM_INBOUND_URL or pass url');
    const token = body.token ?? this.token;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(stored),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: kept as text */
    }
    return { nationalId, url, status: res.status, body: parsed };
  }

  list(): Record<string, unknown>[] {
    return [...this.held.values()];
  }
}

export class InboundPushError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
