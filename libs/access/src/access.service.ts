import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isManager, type Actor } from '#core';
import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { accessParams, type AccessRule } from './access-rule.js';
import { PERMISSIONS, type Permission } from './permissions.js';
import type { RequestContext } from './request-context.js';

export type AccessRules = Partial<Record<Permission, AccessRule>>;

/**
 * The one place that answers "may this caller reach these objects?". Domains register a rule per permission
 * (one owner each); a check answers for many ids in one SQL statement; lists are filtered by the same rule.
 * Managers and admins reach everything without a query.
 *
 * @example const visible = await access.checkAccess(ctx, 'film.files', filmIds); // the ids ctx may see
 * (`ctx.check`, `ctx.can` and `ctx.filter` ask it, batched and cached for the request)
 */
@Injectable()
export class AccessService {
  private readonly rules = new Map<Permission, { owner: string; rule: AccessRule }>();

  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  register(owner: string, rules: AccessRules): void {
    for (const [permission, rule] of Object.entries(rules) as [Permission, AccessRule][]) {
      const existing = this.rules.get(permission);
      if (existing && existing.owner !== owner) {
        throw new Error(`Access permission ${permission} has two rules: ${existing.owner} and ${owner}`);
      }
      this.rules.set(permission, { owner, rule });
    }
  }

  /** Fails start-up when a permission has no rule, so a check can never fall through to "allowed". */
  assertEveryPermissionRuled(): void {
    const missing = PERMISSIONS.filter((permission) => !this.rules.has(permission));
    if (missing.length) throw new Error(`No access rule registered for: ${missing.join(', ')}`);
  }

  /** The ids among `ids` that the caller of `ctx` may reach, batched with the other checks of the request. */
  checkAccess(ctx: RequestContext, permission: Permission, ids: readonly string[]): Promise<Set<string>> {
    return ctx.check(permission, ids);
  }

  /** The ids among `ids` that the actor may reach; one SQL statement at most. */
  async allowedIds(actor: Actor, permission: Permission, ids: readonly string[], manager?: EntityManager): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Set();
    if (isManager(actor)) return new Set(unique);
    const verdict = this.ruleOf(permission)(actor);
    if (verdict === true) return new Set(unique);
    if (verdict === false) return new Set();
    const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT acc.id::text AS id FROM unnest(CAST(:accessIds AS uuid[])) AS acc(id) WHERE ${verdict('acc.id')}`,
      { ...accessParams(actor), accessIds: unique },
    );
    const rows: { id: string }[] = await (manager ?? this.dataSource.manager).query(sql, parameters);
    return new Set(rows.map((row) => row.id));
  }

  /** Narrows a list query to the rows whose `idColumn` the actor may reach. */
  restrict<T extends ObjectLiteral>(
    actor: Actor,
    permission: Permission,
    query: SelectQueryBuilder<T>,
    idColumn = `${query.alias}.id`,
  ): SelectQueryBuilder<T> {
    if (isManager(actor)) return query;
    const verdict = this.ruleOf(permission)(actor);
    if (verdict === true) return query;
    if (verdict === false) return query.andWhere('1 = 0');
    return query.andWhere(verdict(idColumn), accessParams(actor));
  }

  private ruleOf(permission: Permission): AccessRule {
    const entry = this.rules.get(permission);
    if (!entry) throw new Error(`No access rule registered for ${permission}`);
    return entry.rule;
  }
}
