import DataLoader from 'dataloader';
import type { RequestContext } from '#access';
import { groupByKeys, oneByKey } from '#core';
import { Film } from '#films';
import { In } from 'typeorm';
import { Screening, ScreeningDay, ScreeningFilm, Venue } from './entities/index.js';

/** Batches the relation reads of screenings within one GraphQL request. */
export class ScreeningsLoaderSet {
  constructor(private readonly ctx: RequestContext) {}

  readonly venue = new DataLoader<string, Venue | null>(async (ids) =>
    oneByKey(ids, await this.ctx.manager.getRepository(Venue).findBy({ id: In([...ids]) }), (venue) => venue.id),
  );

  /** Films of each screening, in programme order. */
  readonly filmsOfScreening = new DataLoader<string, Film[]>(async (ids) => {
    const links = await this.ctx.manager
      .getRepository(ScreeningFilm)
      .createQueryBuilder('link')
      .innerJoinAndSelect('link.film', 'film')
      .where('link.screeningId IN (:...ids)', { ids })
      .orderBy('link.position', 'ASC')
      .getMany();
    return groupByKeys(ids, links, (link) => link.screeningId).map((group) => group.map((link) => link.film!));
  });

  readonly daysOfScreening = new DataLoader<string, ScreeningDay[]>(async (ids) =>
    groupByKeys(
      ids,
      await this.ctx.manager.getRepository(ScreeningDay).find({ where: { screeningId: In([...ids]) }, order: { day: 'ASC' } }),
      (d) => d.screeningId,
    ),
  );

  readonly screeningsOfFilm = new DataLoader<string, Screening[]>(async (filmIds) => {
    const links = await this.ctx.manager
      .getRepository(ScreeningFilm)
      .createQueryBuilder('link')
      .innerJoinAndSelect('link.screening', 'screening')
      .where('link.filmId IN (:...filmIds)', { filmIds })
      .orderBy('screening.startsAt', 'ASC')
      .getMany();
    return groupByKeys(filmIds, links, (link) => link.filmId).map((group) => group.map((link) => link.screening!));
  });
}
