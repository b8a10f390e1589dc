import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RequestContext } from '#access';
import { paginate, Role, type Connection } from '#core';
import { Cohort, Enrollment, EnrollmentStatus } from '#people';
import { DataSource, In, Not } from 'typeorm';
import { CreateFilmInput, FilmsArgs, UpdateFilmInput } from '../dto/films.inputs.js';
import { Film, FilmDirector, FilmStage, FilmStageChange } from '../entities/index.js';
import { filmsError } from '../films.errors.js';

/** Films of a cohort, their directors and their path from idea to final cut. */
@Injectable()
export class FilmsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(ctx: RequestContext, { filter, ...page }: FilmsArgs): Promise<Connection<Film>> {
    const query = this.dataSource.getRepository(Film).createQueryBuilder('film');
    if (filter?.cohortId) query.andWhere('film.cohortId = :cohortId', { cohortId: filter.cohortId });
    if (filter?.programmeId)
      query.andWhere('film.cohort_id IN (SELECT c.id FROM cohort c WHERE c.programme_id = :programmeId)', {
        programmeId: filter.programmeId,
      });
    if (filter?.directorId)
      query.andWhere('film.id IN (SELECT d.film_id FROM film_director d WHERE d.fellow_id = :directorId)', {
        directorId: filter.directorId,
      });
    if (filter?.stage) query.andWhere('film.stage = :stage', { stage: filter.stage });
    if (filter?.theme) query.andWhere(':theme = ANY(film.themes)', { theme: filter.theme });
    return paginate(ctx.restrict('film.read', query), page);
  }

  /** The film, or null when none has this id; FORBIDDEN when the caller is not one of its people. */
  async get(ctx: RequestContext, id: string): Promise<Film | null> {
    const film = await this.dataSource.getRepository(Film).findOneBy({ id });
    if (!film) return null;
    if (!(await ctx.can('film.read', id))) {
      throw filmsError('NOT_VISIBLE', 'Films are shown to their directors, their cohort’s trainers and managers');
    }
    return film;
  }

  /** A film the caller may work on, or NOT_FOUND / FORBIDDEN. */
  async workable(ctx: RequestContext, id: string): Promise<Film> {
    const film = await this.dataSource.getRepository(Film).findOneBy({ id });
    if (!film) throw filmsError('FILM_NOT_FOUND', `No film with id ${id}`);
    if (!(await ctx.can('film.work', id))) {
      throw filmsError('NOT_ALLOWED', 'Films are changed by their directors, their cohort’s trainers and managers');
    }
    return film;
  }

  async create(ctx: RequestContext, input: CreateFilmInput): Promise<Film> {
    const cohort = await this.dataSource.getRepository(Cohort).findOneBy({ id: input.cohortId });
    if (!cohort) throw filmsError('COHORT_NOT_FOUND', `No cohort with id ${input.cohortId}`);
    if (cohort.archivedAt) throw filmsError('ARCHIVED', `The cohort ${cohort.name} is archived`);
    const directorIds = [...new Set(input.directorIds)];
    if (ctx.actor.role === Role.FELLOW) {
      if (!ctx.actor.fellowId || !directorIds.includes(ctx.actor.fellowId)) {
        throw filmsError('NOT_ALLOWED', 'A fellow creates films they direct: add yourself to directorIds');
      }
    } else if (!(await ctx.can('cohort.teach', cohort.id))) {
      throw filmsError('NOT_ALLOWED', `Only the trainers of cohort ${cohort.id}, its fellows and managers add its films`);
    }
    const enrolled = await this.dataSource.getRepository(Enrollment).findBy({
      cohortId: cohort.id,
      fellowId: In(directorIds),
      status: Not(EnrollmentStatus.WITHDRAWN),
    });
    const outsiders = directorIds.filter((id) => !enrolled.some((e) => e.fellowId === id));
    if (outsiders.length > 0) {
      throw filmsError('DIRECTOR_NOT_ENROLLED', `Directors are fellows of cohort ${cohort.id}; not enrolled: ${outsiders.join(', ')}`, {
        fellowIds: outsiders,
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const film = await manager.save(
        manager.create(Film, {
          cohortId: cohort.id,
          title: input.title,
          genre: input.genre,
          logline: input.logline ?? null,
          synopsis: input.synopsis ?? null,
          themes: input.themes ?? [],
          languages: input.languages ?? [],
          runtimeSeconds: null,
        }),
      );
      await manager.insert(
        FilmDirector,
        directorIds.map((fellowId, position) => ({ filmId: film.id, fellowId, position })),
      );
      await manager.insert(FilmStageChange, {
        filmId: film.id,
        fromStage: null,
        toStage: film.stage,
        note: null,
        changedById: ctx.actor.id,
      });
      return film;
    });
  }

  async update(ctx: RequestContext, id: string, input: UpdateFilmInput): Promise<Film> {
    const film = await this.workable(ctx, id);
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    return this.dataSource.getRepository(Film).save(Object.assign(film, changes));
  }

  /** Moves a film to a stage (forward or back), keeping the move in its history. */
  async setStage(ctx: RequestContext, id: string, stage: FilmStage, note: string | null): Promise<Film> {
    const film = await this.workable(ctx, id);
    if (film.stage === stage) return film;
    return this.dataSource.transaction(async (manager) => {
      await manager.insert(FilmStageChange, {
        filmId: film.id,
        fromStage: film.stage,
        toStage: stage,
        note: note?.trim() || null,
        changedById: ctx.actor.id,
      });
      film.stage = stage;
      return manager.save(film);
    });
  }
}
