import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, Role, type Actor } from '#core';
import { Cohort, Fellow, PeopleLoaders, type AccessScope } from '#people';
import { FellowProgress } from '#training';
import { Film, FilmStageChange, MediaAsset } from '../entities/index.js';
import { FilmsLoaders } from '../films.loaders.js';
import { filmsError } from '../films.errors.js';

/** Films of a fellow that the caller may see: all for managers, their cohorts' for trainers, their own for a fellow. */
async function visibleFilms(scope: AccessScope, fellowId: string, films: Film[]): Promise<Film[]> {
  if (scope.seesAll) return films;
  if (scope.actor.role === Role.FELLOW) return scope.actor.fellowId === fellowId ? films : [];
  const cohorts = await scope.visibleCohortIds();
  return films.filter((film) => cohorts.has(film.cohortId));
}

@Resolver(() => Film)
export class FilmFieldsResolver {
  constructor(
    private readonly people: PeopleLoaders,
    private readonly films: FilmsLoaders,
  ) {}

  @ResolveField(() => Cohort)
  async cohort(@Parent() film: Film, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<Cohort> {
    const cohort = film.cohort ?? (await this.people.for(req, actor).cohort.load(film.cohortId));
    if (!cohort) throw filmsError('COHORT_NOT_FOUND', `No cohort with id ${film.cohortId}`);
    return cohort;
  }

  @ResolveField(() => [Fellow], { description: 'In credited order' })
  directors(@Parent() film: Film, @Context('req') req: object): Promise<Fellow[]> {
    return this.films.for(req).directorsOfFilm.load(film.id);
  }

  // A Film is only ever returned to its directors, its cohort's trainers and managers (FilmAccess), who may
  // all see its files.
  @ResolveField(() => [MediaAsset])
  assets(@Parent() film: Film, @Context('req') req: object): Promise<MediaAsset[]> {
    return this.films.for(req).assetsOfFilm.load(film.id);
  }

  @ResolveField(() => [FilmStageChange], { description: 'Every stage move, oldest first' })
  stageHistory(@Parent() film: Film, @Context('req') req: object): Promise<FilmStageChange[]> {
    return this.films.for(req).stageChangesOfFilm.load(film.id);
  }
}

@Resolver(() => Fellow)
export class FellowFilmsResolver {
  constructor(
    private readonly people: PeopleLoaders,
    private readonly loaders: FilmsLoaders,
  ) {}

  @ResolveField(() => [Film], { description: 'Films the fellow directs, among those the caller may see' })
  async films(@Parent() fellow: Fellow, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<Film[]> {
    return visibleFilms(this.people.for(req, actor).scope, fellow.id, await this.loaders.for(req).filmsOfFellow.load(fellow.id));
  }
}

@Resolver(() => FellowProgress)
export class ProgressFilmsResolver {
  constructor(
    private readonly people: PeopleLoaders,
    private readonly loaders: FilmsLoaders,
  ) {}

  @ResolveField(() => [Film], { description: "The fellow's films in this cohort" })
  async films(@Parent() progress: FellowProgress, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<Film[]> {
    const films = await this.loaders.for(req).filmsOfFellow.load(progress.fellow.id);
    const inCohort = films.filter((film) => film.cohortId === progress.cohort.id);
    return visibleFilms(this.people.for(req, actor).scope, progress.fellow.id, inCohort);
  }
}
