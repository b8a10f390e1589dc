import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { Film, FilmsLoaderSet } from '#films';
import { Fellow } from '#people';
import { FellowProgress } from '#training';

/** Where fellows and their films meet: a director's films the caller may reach (their own work, or public). */
@Resolver(() => Fellow)
export class FellowFilmsResolver {
  @ResolveField(() => [Film], { description: 'Films the fellow directs, among those the caller may see' })
  async films(@Parent() fellow: Fellow, @Ctx() ctx: RequestContext): Promise<Film[]> {
    const films = await ctx.loaders(FilmsLoaderSet).filmsOfFellow.load(fellow.id);
    return ctx.filter('film.public', films, (film) => film.id);
  }
}

@Resolver(() => FellowProgress)
export class ProgressFilmsResolver {
  @ResolveField(() => [Film], { description: "The fellow's films in this cohort" })
  async films(@Parent() progress: FellowProgress, @Ctx() ctx: RequestContext): Promise<Film[]> {
    const films = await ctx.loaders(FilmsLoaderSet).filmsOfFellow.load(progress.fellow.id);
    const inCohort = films.filter((film) => film.cohortId === progress.cohort.id);
    return ctx.filter('film.public', inCohort, (film) => film.id);
  }
}
