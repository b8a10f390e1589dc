import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AccessService, type AccessRules } from './access.service.js';

/** The access service, once for the whole app. */
@Global()
@Module({ providers: [AccessService], exports: [AccessService] })
export class AccessModule {}

/**
 * Registers a domain's access rules: one `forFeature` per domain, in its module.
 *
 * @example imports: [AccessRulesModule.forFeature('films', FILMS_ACCESS_RULES)]
 */
@Module({})
export class AccessRulesModule {
  static forFeature(owner: string, rules: AccessRules): DynamicModule {
    return {
      module: AccessRulesModule,
      imports: [AccessModule],
      providers: [
        { provide: `access-rules:${owner}`, inject: [AccessService], useFactory: (access: AccessService) => access.register(owner, rules) },
      ],
    };
  }
}
