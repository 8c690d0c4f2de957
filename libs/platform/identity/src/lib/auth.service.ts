import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { AppError, CitizenProfile, LoginResponse, OfficialProfile } from '@dvc/shared/contracts';
import { AgencyService, toAgencyDto } from './agency.service';
import { CitizenRegisterDto } from './dto/auth.dto';
import { Citizen, Official, SubjectKind } from './entities';
import type { AccessTokenClaims, Principal } from './principal';
import { IssuedTokens, TokenService } from './token.service';

export interface LoginResult<P> {
  response: LoginResponse<P>;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** argon2id with OWASP's recommended minimum cost. */
export const hashPassword = (plain: string) =>
  argon2.hash(plain, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

@Injectable()
export class AuthService {
  /** Verified against when the account does not exist, so a wrong username takes as long as a wrong password. */
  private dummyHash?: Promise<string>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly agencies: AgencyService,
    private readonly tokens: TokenService,
  ) {}

  async loginOfficial(username: string, password: string): Promise<LoginResult<OfficialProfile>> {
    const official = await this.db.getRepository(Official).findOneBy({ username: username.trim().toLowerCase() });
    const ok = await this.verify(official?.passwordHash, password);
    if (!official || !official.active || !ok) throw new AppError('INVALID_CREDENTIALS');
    return this.completeOfficial(official);
  }

  async loginCitizen(identityNumber: string, password: string): Promise<LoginResult<CitizenProfile>> {
    const citizen = await this.db.getRepository(Citizen).findOneBy({ identityNumber });
    const ok = await this.verify(citizen?.passwordHash ?? undefined, password);
    if (!citizen || !ok) throw new AppError('INVALID_CREDENTIALS');
    return this.completeCitizen(citizen);
  }

  async registerCitizen(dto: CitizenRegisterDto): Promise<LoginResult<CitizenProfile>> {
    const repo = this.db.getRepository(Citizen);
    if (await repo.existsBy({ identityNumber: dto.identityNumber })) throw new AppError('CITIZEN_ALREADY_REGISTERED');
    const citizen = repo.create({
      identityNumber: dto.identityNumber,
      fullName: dto.fullName.trim(),
      phone: dto.phone ?? null,
      email: dto.email?.toLowerCase() ?? null,
      passwordHash: await hashPassword(dto.password),
    });
    try {
      await repo.insert(citizen);
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw new AppError('CITIZEN_ALREADY_REGISTERED');
      throw e;
    }
    return this.completeCitizen(citizen);
  }

  async refresh(kind: SubjectKind, token: string | undefined): Promise<LoginResult<OfficialProfile | CitizenProfile>> {
    if (!token) throw new AppError('INVALID_REFRESH_TOKEN');
    const { subjectId, familyId } = await this.tokens.consume(token, kind);
    if (kind === 'official') {
      const o = await this.db.getRepository(Official).findOneBy({ id: subjectId });
      if (!o || !o.active) throw new AppError('INVALID_REFRESH_TOKEN');
      return this.completeOfficial(o, familyId);
    }
    const c = await this.db.getRepository(Citizen).findOneBy({ id: subjectId });
    if (!c) throw new AppError('INVALID_REFRESH_TOKEN');
    return this.completeCitizen(c, familyId);
  }

  logout(token: string | undefined): Promise<void> {
    return token ? this.tokens.revokeFamilyOf(token) : Promise.resolve();
  }

  async profile(p: Principal): Promise<OfficialProfile | CitizenProfile> {
    if (p.kind === 'official') {
      const o = await this.db.getRepository(Official).findOneBy({ id: p.id });
      if (!o) throw new AppError('UNAUTHENTICATED');
      return this.officialProfile(o);
    }
    const c = await this.db.getRepository(Citizen).findOneBy({ id: p.id });
    if (!c) throw new AppError('UNAUTHENTICATED');
    return this.citizenProfile(c);
  }

  private async completeOfficial(o: Official, familyId?: string): Promise<LoginResult<OfficialProfile>> {
    const claims: AccessTokenClaims = {
      sub: o.id,
      kind: 'official',
      roles: o.roles,
      unit: o.agencyUnitId,
      units: await this.agencies.subtreeIds(o.agencyUnitId),
    };
    return this.result(await this.tokens.issue(claims, familyId), await this.officialProfile(o));
  }

  private async completeCitizen(c: Citizen, familyId?: string): Promise<LoginResult<CitizenProfile>> {
    const claims: AccessTokenClaims = { sub: c.id, kind: 'citizen', idn: c.identityNumber };
    return this.result(await this.tokens.issue(claims, familyId), this.citizenProfile(c));
  }

  private result<P>(t: IssuedTokens, profile: P): LoginResult<P> {
    return {
      response: { accessToken: t.accessToken, expiresIn: t.expiresIn, profile },
      refreshToken: t.refreshToken,
      refreshExpiresAt: t.refreshExpiresAt,
    };
  }

  private async officialProfile(o: Official): Promise<OfficialProfile> {
    const agency = await this.agencies.getById(o.agencyUnitId);
    return { kind: 'official', id: o.id, username: o.username, fullName: o.fullName, roles: o.roles, agency: toAgencyDto(agency) };
  }

  private citizenProfile(c: Citizen): CitizenProfile {
    return { kind: 'citizen', id: c.id, identityNumber: c.identityNumber, fullName: c.fullName, phone: c.phone, email: c.email };
  }

  private async verify(hash: string | undefined, password: string): Promise<boolean> {
    this.dummyHash ??= hashPassword('dummy-password-for-timing');
    try {
      return await argon2.verify(hash ?? (await this.dummyHash), password);
    } catch {
      return false;
    }
  }
}
