import { Args, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { ALL_ROLES, ConnectionType, IdArg, Roles } from '#core';
import { CreateFilmInput, FilmsArgs, UpdateFilmInput } from '../dto/films.inputs.js';
import { Film, FilmStage } from '../entities/index.js';
import { FilmsService } from './films.service.js';

@ObjectType()
export class FilmConnection extends ConnectionType(Film) {}

@Resolver(() => Film)
export class FilmsResolver {
  constructor(private readonly service: FilmsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => FilmConnection)
  films(@Ctx() ctx: RequestContext, @Args() args: FilmsArgs) {
    return this.service.list(ctx, args);
  }

  @Roles(...ALL_ROLES)
  @Query(() => Film, { nullable: true })
  film(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.service.get(ctx, id);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Film, { description: 'Fellows create films they direct; trainers and managers any film of their cohorts' })
  createFilm(@Ctx() ctx: RequestContext, @Args('input') input: CreateFilmInput) {
    return this.service.create(ctx, input);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Film)
  updateFilm(@Ctx() ctx: RequestContext, @IdArg('id') id: string, @Args('input') input: UpdateFilmInput) {
    return this.service.update(ctx, id, input);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Film, {
    description:
      'For the film’s directors, its cohort’s trainers and managers. Forward one stage at a time (SYNOPSIS and ' +
      'PRE_PRODUCTION may be skipped), back to any earlier stage only with a note saying why (kept in stageHistory); ' +
      'the same stage changes nothing. A refused move is BAD_USER_INPUT with reason STAGE_MOVE_NOT_ALLOWED or ' +
      'NOTE_REQUIRED and `allowedStages` (with `forwardStages` and `backStages`) in its extensions; Film.nextStages ' +
      'and Film.previousStages list them beforehand.',
  })
  setFilmStage(
    @Ctx() ctx: RequestContext,
    @IdArg('filmId') filmId: string,
    @Args('stage', { type: () => FilmStage }) stage: FilmStage,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ) {
    return this.service.setStage(ctx, filmId, stage, note);
  }
}
