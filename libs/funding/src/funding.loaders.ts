import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { groupByKeys, oneByKey, PerRequest } from '#core';
import { DataSource, In } from 'typeorm';
import { Funder } from './entities/index.js';
import { FundingService } from './funding.service.js';
import type { FunderAmount } from './funding.models.js';

/** A period and, optionally, a programme: the scope of funding figures. */
export interface FundingScope {
  from: string;
  to: string;
  programmeId: string | null;
}

/** Batches the relation reads of funding within one GraphQL request. */
export class FundingLoaderSet {
  constructor(
    private readonly dataSource: DataSource,
    private readonly service: FundingService,
  ) {}

  readonly funder = new DataLoader<string, Funder | null>(async (ids) =>
    oneByKey(ids, await this.dataSource.getRepository(Funder).findBy({ id: In([...ids]) }), (row) => row.id),
  );

  /** Names of the programmes each grant funds, alphabetically. */
  readonly programmeNamesOfGrant = new DataLoader<string, string[]>(async (ids) => {
    const rows: { grant_id: string; name: string }[] = await this.dataSource.query(
      'SELECT gp.grant_id, p.name FROM grant_programme gp JOIN programme p ON p.id = gp.programme_id WHERE gp.grant_id = ANY($1) ORDER BY p.name',
      [[...ids]],
    );
    return groupByKeys(ids, rows, (row) => row.grant_id).map((group) => group.map((row) => row.name));
  });

  /** Amounts per funder and currency, once per distinct scope of the request (reports asked twice cost one query). */
  readonly amountsByFunder = new DataLoader<FundingScope, FunderAmount[], string>(
    (scopes) => Promise.all(scopes.map((s) => this.service.amountsByFunder(s.from, s.to, s.programmeId))),
    { cacheKeyFn: (s) => `${s.from}|${s.to}|${s.programmeId ?? ''}` },
  );
}

@Injectable()
export class FundingLoaders {
  private readonly perRequest: PerRequest<FundingLoaderSet>;

  constructor(@InjectDataSource() dataSource: DataSource, service: FundingService) {
    this.perRequest = new PerRequest(() => new FundingLoaderSet(dataSource, service));
  }

  for(request: object): FundingLoaderSet {
    return this.perRequest.for(request);
  }
}
