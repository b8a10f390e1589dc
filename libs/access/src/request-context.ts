import { UnauthorizedException } from '@nestjs/common';
import { isManager, type Actor, type AuthenticatedRequest } from '#core';
import DataLoader from 'dataloader';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AccessService } from './access.service.js';
import type { Permission } from './permissions.js';

/** A set of DataLoaders of one domain, made once per request from its context. */
export type LoaderSetClass<T> = new (ctx: RequestContext) => T;

/**
 * What one request carries: who asks, its id, the transaction when there is one, its DataLoaders and its
 * access answers (each permission batched and cached for the request). Built once per GraphQL request (the
 * API's context factory) and passed to services as their first argument.
 */
export class RequestContext {
  private readonly loaderSets = new Map<LoaderSetClass<unknown>, unknown>();
  private readonly accessLoaders = new Map<Permission, DataLoader<string, boolean>>();

  constructor(
    private readonly access: AccessService,
    private readonly source: { req?: AuthenticatedRequest; actor?: Actor },
    readonly requestId: string | null = null,
    readonly transaction: EntityManager | null = null,
  ) {}

  /** The context of a request; its caller is known once the auth guard has run. */
  static forRequest(access: AccessService, req: AuthenticatedRequest & { id?: unknown }): RequestContext {
    return new RequestContext(access, { req }, typeof req.id === 'string' ? req.id : null);
  }

  /** A context acting as one actor outside HTTP (jobs, scripts, tests). */
  static forActor(access: AccessService, actor: Actor): RequestContext {
    return new RequestContext(access, { actor });
  }

  /** The signed-in caller; UNAUTHENTICATED when there is none. */
  get actor(): Actor {
    const actor = this.source.actor ?? this.source.req?.actor;
    if (!actor) throw new UnauthorizedException('Sign in first');
    return actor;
  }

  /** Managers and admins see and manage everything. */
  get seesAll(): boolean {
    return isManager(this.actor);
  }

  /** Where to read and write: the request's transaction, or the data source. */
  get manager(): EntityManager {
    return this.transaction ?? this.access.dataSource.manager;
  }

  /** A domain's loader set for this request, made on first use. */
  loaders<T>(Set: LoaderSetClass<T>): T {
    let set = this.loaderSets.get(Set) as T | undefined;
    if (!set) {
      set = new Set(this);
      this.loaderSets.set(Set, set);
    }
    return set;
  }

  /** The ids among `ids` the caller may reach; the ids asked in one tick share one SQL statement. */
  async check(permission: Permission, ids: readonly string[]): Promise<Set<string>> {
    const answers = await this.accessLoader(permission).loadMany(ids);
    return new Set(ids.filter((id, index) => answers[index] === true));
  }

  async can(permission: Permission, id: string): Promise<boolean> {
    return this.accessLoader(permission).load(id);
  }

  /** The items whose id the caller may reach, in their order. */
  async filter<T>(permission: Permission, items: readonly T[], idOf: (item: T) => string): Promise<T[]> {
    const allowed = await this.check(permission, items.map(idOf));
    return items.filter((item) => allowed.has(idOf(item)));
  }

  /** Narrows a list query to what the caller may reach. */
  restrict<T extends ObjectLiteral>(permission: Permission, query: SelectQueryBuilder<T>, idColumn?: string): SelectQueryBuilder<T> {
    return this.access.restrict(this.actor, permission, query, idColumn);
  }

  private accessLoader(permission: Permission): DataLoader<string, boolean> {
    let loader = this.accessLoaders.get(permission);
    if (!loader) {
      loader = new DataLoader<string, boolean>(async (ids) => {
        const allowed = await this.access.allowedIds(this.actor, permission, ids, this.manager);
        return ids.map((id) => allowed.has(id));
      });
      this.accessLoaders.set(permission, loader);
    }
    return loader;
  }
}
