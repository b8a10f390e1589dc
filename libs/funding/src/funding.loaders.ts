import DataLoader from 'dataloader';
import type { RequestContext } from '#access';
import { groupByKeys, oneByKey } from '#core';
import { In } from 'typeorm';
import { Funder } from './entities/index.js';
import { amountsByFunder } from './funding.service.js';
import type { FunderAmount } from './funding.models.js';

/** A period and, optionally, a programme: the scope of funding figures. */
export interface FundingScope {
  from: string;
  to: string;
  programmeId: string | null;
}

/** Batches the relation reads of funding within one GraphQL request. */
export class FundingLoaderSet {
  constructor(private readonly ctx: RequestContext) {}

  readonly funder = new DataLoader<string, Funder | null>(async (ids) =>
    oneByKey(ids, await this.ctx.manager.getRepository(Funder).findBy({ id: In([...ids]) }), (row) => row.id),
  );

  /** Names of the programmes each grant funds, alphabetically. */
  readonly programmeNamesOfGrant = new DataLoader<string, string[]>(async (ids) => {
    const rows: { grant_id: string; name: string }[] = await this.ctx.manager.query(
      'SELECT gp.grant_id, p.name FROM grant_programme gp JOIN programme p ON p.id = gp.programme_id WHERE gp.grant_id = ANY($1) ORDER BY p.name',
      [[...ids]],
    );
    return groupByKeys(ids, rows, (row) => row.grant_id).map((group) => group.map((row) => row.name));
  });

  /** Amounts per funder and currency, once per distinct scope of the request (reports asked twice cost one query). */
  readonly amountsByFunder = new DataLoader<FundingScope, FunderAmount[], string>(
    (scopes) => Promise.all(scopes.map((s) => amountsByFunder(this.ctx.manager, s.from, s.to, s.programmeId))),
    { cacheKeyFn: (s) => `${s.from}|${s.to}|${s.programmeId ?? ''}` },
  );
}
