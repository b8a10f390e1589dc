import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { Film } from '#films';
import { Screening, ScreeningsLoaderSet } from '#screenings';

/** Where films and screenings meet: each side shows only what the caller may reach of the other. */
@Resolver(() => Screening)
export class ScreeningFilmsResolver {
  @ResolveField(() => [Film], {
    description:
      'In programme order: the public programme of a scheduled or held screening; each film shows its files and unpublished work only to its people',
  })
  async films(@Parent() screening: Screening, @Ctx() ctx: RequestContext): Promise<Film[]> {
    const films = await ctx.loaders(ScreeningsLoaderSet).filmsOfScreening.load(screening.id);
    return ctx.filter('film.public', films, (film) => film.id);
  }
}

@Resolver(() => Film)
export class FilmScreeningsResolver {
  @ResolveField(() => [Screening], { description: 'Where the film was or will be shown; drafts for managers only' })
  async screenings(@Parent() film: Film, @Ctx() ctx: RequestContext): Promise<Screening[]> {
    const screenings = await ctx.loaders(ScreeningsLoaderSet).screeningsOfFilm.load(film.id);
    return ctx.filter('screening.read', screenings, (screening) => screening.id);
  }
}
