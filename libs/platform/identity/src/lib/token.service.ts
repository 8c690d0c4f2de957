import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import { AppError } from '@dvc/shared/contracts';
import { RefreshToken, SubjectKind } from './entities';
import type { AccessTokenClaims } from './principal';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** Short-lived JWT access tokens and rotating, single-use refresh tokens with reuse detection. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(claims: AccessTokenClaims, familyId: string = randomUUID()): Promise<IssuedTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.REFRESH_TTL_DAYS * 86_400_000);
    await this.db.getRepository(RefreshToken).insert({
      subjectKind: claims.kind,
      subjectId: claims.sub,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshExpiresAt,
    });
    return { accessToken: this.sign(claims), expiresIn: this.config.JWT_ACCESS_TTL_SECONDS, refreshToken, refreshExpiresAt };
  }

  sign(claims: AccessTokenClaims): string {
    return this.jwt.sign(
      { ...claims },
      { expiresIn: this.config.JWT_ACCESS_TTL_SECONDS, issuer: 'dvc', audience: 'dvc-api', algorithm: 'HS256' },
    );
  }

  /**
   * Consumes a refresh token: returns its subject and marks it used. A token presented a second time
   * means it was stolen or replayed, so the whole family is revoked and the caller must log in again.
   */
  async consume(token: string, kind: SubjectKind): Promise<{ subjectId: string; familyId: string }> {
    const outcome = await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(RefreshToken);
      const row = await repo.findOne({ where: { tokenHash: sha256(token) }, lock: { mode: 'pessimistic_write' } });
      if (!row || row.subjectKind !== kind || row.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' as const };
      // Reuse: the revocation must commit, so it is returned rather than thrown inside the transaction.
      if (row.revokedAt) {
        await repo.update({ familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        return { kind: 'reused' as const };
      }
      await repo.update({ id: row.id }, { revokedAt: new Date() });
      return { kind: 'ok' as const, subjectId: row.subjectId, familyId: row.familyId };
    });
    if (outcome.kind === 'reused') {
      throw new AppError('INVALID_REFRESH_TOKEN', 'Phát hiện mã làm mới đã dùng lại; mọi phiên của chuỗi này đã bị thu hồi');
    }
    if (outcome.kind === 'invalid') throw new AppError('INVALID_REFRESH_TOKEN');
    return { subjectId: outcome.subjectId, familyId: outcome.familyId };
  }

  async revokeFamilyOf(token: string): Promise<void> {
    const row = await this.db.getRepository(RefreshToken).findOneBy({ tokenHash: sha256(token) });
    if (row) {
      await this.db
        .getRepository(RefreshToken)
        .update({ familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    }
  }

  /** Deletes refresh tokens that expired more than a day ago (run by the worker). */
  async purgeExpired(now = new Date()): Promise<number> {
    const res = await this.db
      .createQueryBuilder()
      .delete()
      .from(RefreshToken)
      .where('expires_at < :cutoff', { cutoff: new Date(now.getTime() - 86_400_000) })
      .execute();
    return res.affected ?? 0;
  }
}
