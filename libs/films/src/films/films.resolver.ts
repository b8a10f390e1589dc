import { Args, Context, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, ConnectionType, CurrentActor, IdArg, Roles, type Actor } from '#core';
import { PeopleLoaders } from '#people';
import { CreateFilmInput, FilmsArgs, UpdateFilmInput } from '../dto/films.inputs.js';
import { Film, FilmStage } from '../entities/index.js';
import { FilmsService } from './films.service.js';

@ObjectType()
export class FilmConnection extends ConnectionType(Film) {}

@Resolver(() => Film)
export class FilmsResolver {
  constructor(
    private readonly service: FilmsService,
    private readonly people: PeopleLoaders,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => FilmConnection)
  films(@CurrentActor() actor: Actor, @Context('req') req: object, @Args() args: FilmsArgs) {
    return this.service.list(this.people.for(req, actor).scope, args);
  }

  @Roles(...ALL_ROLES)
  @Query(() => Film, { nullable: true })
  film(@CurrentActor() actor: Actor, @Context('req') req: object, @IdArg('id') id: string) {
    return this.service.get(this.people.for(req, actor).scope, id);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Film, { description: 'Fellows create films they direct; trainers and managers any film of their cohorts' })
  createFilm(@CurrentActor() actor: Actor, @Context('req') req: object, @Args('input') input: CreateFilmInput) {
    return this.service.create(this.people.for(req, actor).scope, input);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Film)
  updateFilm(@CurrentActor() actor: Actor, @Context('req') req: object, @IdArg('id') id: string, @Args('input') input: UpdateFilmInput) {
    return this.service.update(this.people.for(req, actor).scope, id, input);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Film)
  setFilmStage(
    @CurrentActor() actor: Actor,
    @Context('req') req: object,
    @IdArg('filmId') filmId: string,
    @Args('stage', { type: () => FilmStage }) stage: FilmStage,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ) {
    return this.service.setStage(this.people.for(req, actor).scope, filmId, stage, note);
  }
}
