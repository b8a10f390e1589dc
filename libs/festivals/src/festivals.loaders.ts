import DataLoader from 'dataloader';
import type { RequestContext } from '#access';
import { groupByKeys, oneByKey } from '#core';
import { In } from 'typeorm';
import { Award, EntryStatusChange, Festival, FestivalEdition, FestivalEntry } from './entities/index.js';

/** Batches the relation reads of festivals within one GraphQL request. */
export class FestivalsLoaderSet {
  constructor(private readonly ctx: RequestContext) {}

  readonly festival = new DataLoader<string, Festival | null>(async (ids) =>
    oneByKey(ids, await this.ctx.manager.getRepository(Festival).findBy({ id: In([...ids]) }), (row) => row.id),
  );

  readonly edition = new DataLoader<string, FestivalEdition | null>(async (ids) =>
    oneByKey(ids, await this.ctx.manager.getRepository(FestivalEdition).findBy({ id: In([...ids]) }), (row) => row.id),
  );

  readonly entry = new DataLoader<string, FestivalEntry | null>(async (ids) =>
    oneByKey(ids, await this.ctx.manager.getRepository(FestivalEntry).findBy({ id: In([...ids]) }), (row) => row.id),
  );

  readonly editionsOfFestival = new DataLoader<string, FestivalEdition[]>(async (ids) =>
    groupByKeys(
      ids,
      await this.ctx.manager.getRepository(FestivalEdition).find({ where: { festivalId: In([...ids]) }, order: { year: 'DESC' } }),
      (e) => e.festivalId,
    ),
  );

  readonly entriesOfEdition = new DataLoader<string, FestivalEntry[]>(async (ids) =>
    groupByKeys(
      ids,
      await this.ctx.manager.getRepository(FestivalEntry).find({ where: { editionId: In([...ids]) }, order: { createdAt: 'ASC' } }),
      (e) => e.editionId,
    ),
  );

  readonly entriesOfFilm = new DataLoader<string, FestivalEntry[]>(async (ids) =>
    groupByKeys(
      ids,
      await this.ctx.manager.getRepository(FestivalEntry).find({ where: { filmId: In([...ids]) }, order: { createdAt: 'ASC' } }),
      (e) => e.filmId,
    ),
  );

  readonly awardsOfEntry = new DataLoader<string, Award[]>(async (ids) =>
    groupByKeys(
      ids,
      await this.ctx.manager.getRepository(Award).find({ where: { entryId: In([...ids]) }, order: { createdAt: 'ASC' } }),
      (a) => a.entryId,
    ),
  );

  readonly historyOfEntry = new DataLoader<string, EntryStatusChange[]>(async (ids) =>
    groupByKeys(
      ids,
      await this.ctx.manager.getRepository(EntryStatusChange).find({ where: { entryId: In([...ids]) }, order: { at: 'ASC' } }),
      (c) => c.entryId,
    ),
  );
}
