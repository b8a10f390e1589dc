import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { parseSettings, type Settings } from './settings.js';

/** Injection token of the validated settings: `@Inject(SETTINGS) settings: Settings`. */
export const SETTINGS = Symbol('SETTINGS');

@Global()
@Module({
  // ConfigModule loads `.env` into process.env (without overriding what is set); parseSettings validates it.
  imports: [ConfigModule.forRoot({ ignoreEnvFile: process.env.NODE_ENV === 'test' })],
  providers: [{ provide: SETTINGS, useFactory: (): Settings => parseSettings(process.env) }],
  exports: [SETTINGS],
})
export class SettingsModule {}
