import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { SETTINGS, type Settings } from '#core';

/**
 * JWT signing and verification, for the API only: IdentityApiModule imports it beside AccountsService and the
 * global AuthGuard. Not global, so that a module graph without IdentityApiModule (the worker) has no JwtService.
 */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [SETTINGS],
      useFactory: (settings: Settings) => ({
        secret: settings.auth.jwtSecret,
        signOptions: { expiresIn: settings.auth.jwtTtlSeconds, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  exports: [JwtModule],
})
export class AuthModule {}
