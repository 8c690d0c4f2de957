import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@dvc/shared/config';
import { AgencyService } from './agency.service';
import { AuthController } from './auth.controller';
import { JwtAuthGuard, OptionalJwtAuthGuard } from './auth.guards';
import { AuthService } from './auth.service';
import { IDENTITY_ENTITIES } from './entities';
import { JwtStrategy } from './jwt.strategy';
import { PoliciesGuard } from './policies.guard';
import { TokenService } from './token.service';

@Module({
  imports: [
    PassportModule,
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => ({ secret: c.JWT_SECRET }),
    }),
  ],
  controllers: [AuthController],
  providers: [AgencyService, AuthService, TokenService, JwtStrategy, JwtAuthGuard, OptionalJwtAuthGuard, PoliciesGuard],
  exports: [AgencyService, AuthService, TokenService, JwtAuthGuard, OptionalJwtAuthGuard, PoliciesGuard],
})
export class IdentityModule {}
