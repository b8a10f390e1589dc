import DataLoader from 'dataloader';
import type { RequestContext } from '#access';
import { groupByKeys, oneByKey } from '#core';
import { Fellow } from '#people';
import { In } from 'typeorm';
import { Film, FilmDirector, FilmStageChange, MediaAsset, UploadedPart } from './entities/index.js';

/** Batches the relation reads of films within one GraphQL request. */
export class FilmsLoaderSet {
  constructor(private readonly ctx: RequestContext) {}

  readonly film = new DataLoader<string, Film | null>(async (ids) =>
    oneByKey(ids, await this.ctx.manager.getRepository(Film).findBy({ id: In([...ids]) }), (film) => film.id),
  );

  readonly asset = new DataLoader<string, MediaAsset | null>(async (ids) =>
    oneByKey(ids, await this.ctx.manager.getRepository(MediaAsset).findBy({ id: In([...ids]) }), (asset) => asset.id),
  );

  /** Directors in credited order. */
  readonly directorsOfFilm = new DataLoader<string, Fellow[]>(async (filmIds) => {
    const links = await this.ctx.manager
      .getRepository(FilmDirector)
      .createQueryBuilder('link')
      .innerJoinAndSelect('link.fellow', 'fellow')
      .where('link.filmId IN (:...filmIds)', { filmIds })
      .orderBy('link.position', 'ASC')
      .getMany();
    return groupByKeys(filmIds, links, (link) => link.filmId).map((group) => group.map((link) => link.fellow!));
  });

  readonly filmsOfFellow = new DataLoader<string, Film[]>(async (fellowIds) => {
    const links = await this.ctx.manager
      .getRepository(FilmDirector)
      .createQueryBuilder('link')
      .innerJoinAndSelect('link.film', 'film')
      .where('link.fellowId IN (:...fellowIds)', { fellowIds })
      .orderBy('film.createdAt', 'ASC')
      .getMany();
    return groupByKeys(fellowIds, links, (link) => link.fellowId).map((group) => group.map((link) => link.film!));
  });

  readonly assetsOfFilm = new DataLoader<string, MediaAsset[]>(async (filmIds) =>
    groupByKeys(
      filmIds,
      await this.ctx.manager.getRepository(MediaAsset).find({ where: { filmId: In([...filmIds]) }, order: { createdAt: 'ASC' } }),
      (a) => a.filmId,
    ),
  );

  readonly stageChangesOfFilm = new DataLoader<string, FilmStageChange[]>(async (filmIds) =>
    groupByKeys(
      filmIds,
      await this.ctx.manager.getRepository(FilmStageChange).find({ where: { filmId: In([...filmIds]) }, order: { changedAt: 'ASC' } }),
      (c) => c.filmId,
    ),
  );

  readonly partsOfUpload = new DataLoader<string, UploadedPart[]>(async (uploadIds) =>
    groupByKeys(
      uploadIds,
      await this.ctx.manager.getRepository(UploadedPart).find({ where: { uploadId: In([...uploadIds]) }, order: { partNumber: 'ASC' } }),
      (p) => p.uploadId,
    ),
  );
}
