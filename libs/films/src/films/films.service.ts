import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RequestContext } from '#access';
import { paginate, Role, type Connection } from '#core';
import { Cohort, Enrollment, EnrollmentStatus } from '#people';
import { DataSource, In, Not } from 'typeorm';
import { CreateFilmInput, FilmsArgs, UpdateFilmInput } from '../dto/films.inputs.js';
import { earlierStages, Film, FILM_STAGE_FORWARD, FilmDirector, FilmStage, FilmStageChange, stagesUpTo } from '../entities/index.js';
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

  /**
   * Moves a film along its stages: forward by the allowed moves (FILM_STAGE_FORWARD), back to any earlier stage
   * only with a note saying why; the same stage changes nothing. A refused move names the allowed ones, in the
   * message and in `allowedStages`. Every move is kept in the film's history with its note.
   */
  async setStage(ctx: RequestContext, id: string, stage: FilmStage, note: string | null): Promise<Film> {
    await this.workable(ctx, id);
    const reason = note?.trim() || null;
    return this.dataSource.transaction(async (manager) => {
      const film = await manager.findOne(Film, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!film) throw filmsError('FILM_NOT_FOUND', `No film with id ${id}`);
      if (film.stage === stage) return film;
      const forward = FILM_STAGE_FORWARD[film.stage];
      const back = earlierStages(film.stage);
      const details = { allowedStages: [...forward, ...back], forwardStages: forward, backStages: back };
      if (back.includes(stage)) {
        if (!reason) {
          throw filmsError('NOTE_REQUIRED', `Going back from ${film.stage} to ${stage} needs a note saying why`, {
            ...details,
            field: 'note',
          });
        }
      } else if (!forward.includes(stage)) {
        throw filmsError('STAGE_MOVE_NOT_ALLOWED', `A film at ${film.stage} cannot move to ${stage}; ${movesFrom(film.stage)}`, details);
      }
      await manager.insert(FilmStageChange, {
        filmId: film.id,
        fromStage: film.stage,
        toStage: stage,
        note: reason,
        changedById: ctx.actor.id,
      });
      film.stage = stage;
      return manager.save(film);
    });
  }

  /**
   * For imports and the back office: walks a film forward one stage at a time up to `stage`, each step kept in
   * its history like a move made by hand. A stage behind the film's is refused as `setStage` would (it needs a
   * note and goes through `setStage`).
   */
  async walkTo(ctx: RequestContext, id: string, stage: FilmStage): Promise<Film> {
    let film = await this.workable(ctx, id);
    for (const next of stagesUpTo(film.stage, stage)) film = await this.setStage(ctx, id, next, null);
    return film.stage === stage ? film : this.setStage(ctx, id, stage, null);
  }
}

/** The moves a film at `stage` may make, in words. */
function movesFrom(stage: FilmStage): string {
  const forward = FILM_STAGE_FORWARD[stage];
  const back = earlierStages(stage);
  const parts = [];
  if (forward.length) parts.push(`forward to ${forward.join(' or ')}`);
  if (back.length) parts.push(`back to ${back.join(', ')} with a note`);
  return `from ${stage} it moves ${parts.join(', or ')}`;
}
