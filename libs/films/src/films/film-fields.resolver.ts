import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { Cohort, Fellow, PeopleLoaderSet } from '#people';
import {
  AssetKind,
  AssetStatus,
  earlierStages,
  Film,
  FILM_STAGE_FORWARD,
  FilmStage,
  FilmStageChange,
  MediaAsset,
} from '../entities/index.js';
import { FilmsLoaderSet } from '../films.loaders.js';
import { filmsError } from '../films.errors.js';

/**
 * A film's fields. Title, genre, themes, languages, stage, runtime and directors' names are its public
 * programme; the unpublished work checks `film.read` itself, whatever path reached the film.
 */
@Resolver(() => Film)
export class FilmFieldsResolver {
  @ResolveField(() => Cohort)
  async cohort(@Parent() film: Film, @Ctx() ctx: RequestContext): Promise<Cohort> {
    const cohort = film.cohort ?? (await ctx.loaders(PeopleLoaderSet).cohort.load(film.cohortId));
    if (!cohort) throw filmsError('COHORT_NOT_FOUND', `No cohort with id ${film.cohortId}`);
    return cohort;
  }

  @ResolveField(() => [Fellow], { description: 'In credited order' })
  directors(@Parent() film: Film, @Ctx() ctx: RequestContext): Promise<Fellow[]> {
    return ctx.loaders(FilmsLoaderSet).directorsOfFilm.load(film.id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'For the film’s directors, its cohort’s trainers and managers; null for others',
  })
  async logline(@Parent() film: Film, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await ctx.can('film.read', film.id)) ? film.logline : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'For the film’s directors, its cohort’s trainers and managers; null for others',
  })
  async synopsis(@Parent() film: Film, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await ctx.can('film.read', film.id)) ? film.synopsis : null;
  }

  @ResolveField(() => [MediaAsset], {
    description: 'Every file for the film’s people; for others who reach a publicly screened film, its READY final cut (for the poster)',
  })
  async assets(@Parent() film: Film, @Ctx() ctx: RequestContext): Promise<MediaAsset[]> {
    const assets = await ctx.loaders(FilmsLoaderSet).assetsOfFilm.load(film.id);
    if (await ctx.can('film.read', film.id)) return assets;
    if (!(await ctx.can('film.public', film.id))) return [];
    return assets.filter((asset) => asset.kind === AssetKind.FINAL_CUT && asset.status === AssetStatus.READY);
  }

  @ResolveField(() => [FilmStageChange], { description: 'Every stage move, oldest first; empty for those outside the film' })
  async stageHistory(@Parent() film: Film, @Ctx() ctx: RequestContext): Promise<FilmStageChange[]> {
    if (!(await ctx.can('film.read', film.id))) return [];
    return ctx.loaders(FilmsLoaderSet).stageChangesOfFilm.load(film.id);
  }

  @ResolveField(() => [FilmStage], {
    description:
      'The stages the film may move forward to without a note: the next one, or also the one after when SYNOPSIS or ' +
      'PRE_PRODUCTION may be skipped; empty at FINAL_CUT and for those who may not move it',
  })
  async nextStages(@Parent() film: Film, @Ctx() ctx: RequestContext): Promise<FilmStage[]> {
    return (await ctx.can('film.work', film.id)) ? [...FILM_STAGE_FORWARD[film.stage]] : [];
  }

  @ResolveField(() => [FilmStage], {
    description:
      'The earlier stages the film may go back to, nearest first; going back needs a note saying why. Empty at IDEA ' +
      'and for those who may not move it',
  })
  async previousStages(@Parent() film: Film, @Ctx() ctx: RequestContext): Promise<FilmStage[]> {
    return (await ctx.can('film.work', film.id)) ? earlierStages(film.stage) : [];
  }
}
