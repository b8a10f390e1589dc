import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { EntryStatusChange, FestivalEntry, FestivalsLoaderSet } from '#festivals';
import { Film, FilmsLoaderSet } from '#films';
import { PeopleLoaderSet, User } from '#people';

/** Where films, festivals and the people who move entries meet. */
@Resolver(() => Film)
export class FilmFestivalEntriesResolver {
  @ResolveField(() => [FestivalEntry], { description: 'The film’s festival life: for managers and the film’s people; empty for others' })
  async festivalEntries(@Parent() film: Film, @Ctx() ctx: RequestContext): Promise<FestivalEntry[]> {
    const entries = await ctx.loaders(FestivalsLoaderSet).entriesOfFilm.load(film.id);
    return ctx.filter('entry.read', entries, (entry) => entry.id);
  }
}

@Resolver(() => FestivalEntry)
export class FestivalEntryFilmResolver {
  @ResolveField(() => Film)
  async film(@Parent() entry: FestivalEntry, @Ctx() ctx: RequestContext): Promise<Film> {
    const film = await ctx.loaders(FilmsLoaderSet).film.load(entry.filmId);
    if (!film) throw new Error(`Festival entry ${entry.id} points to a missing film ${entry.filmId}`);
    return film;
  }
}

@Resolver(() => EntryStatusChange)
export class EntryStatusChangeByResolver {
  @ResolveField(() => User, { nullable: true, description: 'Null when unknown or when the caller may not see that user (see User.email)' })
  async by(@Parent() change: EntryStatusChange, @Ctx() ctx: RequestContext): Promise<User | null> {
    if (!change.byId || !(await ctx.can('user.contact', change.byId))) return null;
    return ctx.loaders(PeopleLoaderSet).user.load(change.byId);
  }
}
