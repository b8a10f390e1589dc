import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { SETTINGS } from '../config/settings.module.js';
import type { Settings } from '../config/settings.js';

/** JWT signing and the global AuthGuard. The app registers AuthGuard as APP_GUARD beside the module providing ACTOR_LOADER (people). */
@Global()
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
