import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { Fellow } from '#people';
import { DataSource, In } from 'typeorm';
import { Film, FilmDirector, FilmStageChange, MediaAsset, UploadedPart } from './entities/index.js';

function byKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** Batches the relation reads of films within one GraphQL request. */
export class FilmsLoaderSet {
  constructor(private readonly dataSource: DataSource) {}

  readonly film = new DataLoader<string, Film | null>(async (ids) => {
    const films = await this.dataSource.getRepository(Film).findBy({ id: In([...ids]) });
    return ids.map((id) => films.find((f) => f.id === id) ?? null);
  });

  readonly asset = new DataLoader<string, MediaAsset | null>(async (ids) => {
    const assets = await this.dataSource.getRepository(MediaAsset).findBy({ id: In([...ids]) });
    return ids.map((id) => assets.find((a) => a.id === id) ?? null);
  });

  /** Directors in credited order. */
  readonly directorsOfFilm = new DataLoader<string, Fellow[]>(async (filmIds) => {
    const links = await this.dataSource
      .getRepository(FilmDirector)
      .createQueryBuilder('link')
      .innerJoinAndSelect('link.fellow', 'fellow')
      .where('link.filmId IN (:...filmIds)', { filmIds })
      .orderBy('link.position', 'ASC')
      .getMany();
    return byKey(filmIds, links, (link) => link.filmId).map((group) => group.map((link) => link.fellow!));
  });

  readonly filmsOfFellow = new DataLoader<string, Film[]>(async (fellowIds) => {
    const links = await this.dataSource
      .getRepository(FilmDirector)
      .createQueryBuilder('link')
      .innerJoinAndSelect('link.film', 'film')
      .where('link.fellowId IN (:...fellowIds)', { fellowIds })
      .orderBy('film.createdAt', 'ASC')
      .getMany();
    return byKey(fellowIds, links, (link) => link.fellowId).map((group) => group.map((link) => link.film!));
  });

  readonly assetsOfFilm = new DataLoader<string, MediaAsset[]>(async (filmIds) =>
    byKey(
      filmIds,
      await this.dataSource.getRepository(MediaAsset).find({ where: { filmId: In([...filmIds]) }, order: { createdAt: 'ASC' } }),
      (a) => a.filmId,
    ),
  );

  readonly stageChangesOfFilm = new DataLoader<string, FilmStageChange[]>(async (filmIds) =>
    byKey(
      filmIds,
      await this.dataSource.getRepository(FilmStageChange).find({ where: { filmId: In([...filmIds]) }, order: { changedAt: 'ASC' } }),
      (c) => c.filmId,
    ),
  );

  readonly partsOfUpload = new DataLoader<string, UploadedPart[]>(async (uploadIds) =>
    byKey(
      uploadIds,
      await this.dataSource.getRepository(UploadedPart).find({ where: { uploadId: In([...uploadIds]) }, order: { partNumber: 'ASC' } }),
      (p) => p.uploadId,
    ),
  );
}

/** One FilmsLoaderSet per request, kept against the request object. */
@Injectable()
export class FilmsLoaders {
  private readonly perRequest = new WeakMap<object, FilmsLoaderSet>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  for(request: object): FilmsLoaderSet {
    let set = this.perRequest.get(request);
    if (!set) {
      set = new FilmsLoaderSet(this.dataSource);
      this.perRequest.set(request, set);
    }
    return set;
  }
}
