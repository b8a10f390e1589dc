import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { Award, EntryStatusChange, Festival, FestivalEdition, FestivalEntry } from './entities/index.js';
import { festivalsError } from './festivals.errors.js';
import { FestivalsLoaderSet } from './festivals.loaders.js';

@Resolver(() => Festival)
export class FestivalFieldsResolver {
  @ResolveField(() => [FestivalEdition], { description: 'Newest first' })
  editions(@Parent() festival: Festival, @Ctx() ctx: RequestContext): Promise<FestivalEdition[]> {
    return ctx.loaders(FestivalsLoaderSet).editionsOfFestival.load(festival.id);
  }
}

@Resolver(() => FestivalEdition)
export class FestivalEditionFieldsResolver {
  @ResolveField(() => Festival)
  async festival(@Parent() edition: FestivalEdition, @Ctx() ctx: RequestContext): Promise<Festival> {
    const festival = await ctx.loaders(FestivalsLoaderSet).festival.load(edition.festivalId);
    if (!festival) throw festivalsError('FESTIVAL_NOT_FOUND', `No festival with id ${edition.festivalId}`);
    return festival;
  }

  @ResolveField(() => [FestivalEntry], { description: 'All entries for managers; those of your films otherwise' })
  async entries(@Parent() edition: FestivalEdition, @Ctx() ctx: RequestContext): Promise<FestivalEntry[]> {
    const entries = await ctx.loaders(FestivalsLoaderSet).entriesOfEdition.load(edition.id);
    return ctx.filter('entry.read', entries, (entry) => entry.id);
  }
}

@Resolver(() => FestivalEntry)
export class FestivalEntryFieldsResolver {
  @ResolveField(() => FestivalEdition)
  async edition(@Parent() entry: FestivalEntry, @Ctx() ctx: RequestContext): Promise<FestivalEdition> {
    const edition = await ctx.loaders(FestivalsLoaderSet).edition.load(entry.editionId);
    if (!edition) throw festivalsError('EDITION_NOT_FOUND', `No edition with id ${entry.editionId}`);
    return edition;
  }

  @ResolveField(() => [Award])
  awards(@Parent() entry: FestivalEntry, @Ctx() ctx: RequestContext): Promise<Award[]> {
    return ctx.loaders(FestivalsLoaderSet).awardsOfEntry.load(entry.id);
  }

  @ResolveField(() => [EntryStatusChange], { description: 'Every move, oldest first; empty for those who may not see the entry' })
  async history(@Parent() entry: FestivalEntry, @Ctx() ctx: RequestContext): Promise<EntryStatusChange[]> {
    if (!(await ctx.can('entry.read', entry.id))) return [];
    return ctx.loaders(FestivalsLoaderSet).historyOfEntry.load(entry.id);
  }
}

@Resolver(() => Award)
export class AwardFieldsResolver {
  @ResolveField(() => FestivalEntry)
  async entry(@Parent() award: Award, @Ctx() ctx: RequestContext): Promise<FestivalEntry> {
    const entry = await ctx.loaders(FestivalsLoaderSet).entry.load(award.entryId);
    if (!entry) throw festivalsError('ENTRY_NOT_FOUND', `No festival entry with id ${award.entryId}`);
    return entry;
  }
}
