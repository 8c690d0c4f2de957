import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import { AccessTokenClaims, Principal, principalFromClaims } from './principal';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A prepared key: jsonwebtoken would otherwise build a KeyObject from the string on every request.
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as string,
      algorithms: ['HS256'],
      issuer: 'dvc',
      audience: 'dvc-api',
    });
  }

  validate(claims: AccessTokenClaims): Principal {
    return principalFromClaims(claims);
  }
}
