import { Args, Context, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, ConnectionType, CurrentActor, IdArg, MANAGERS, Roles, type Actor } from '#core';
import { CreateFellowInput, FellowsArgs, UpdateFellowInput } from '../dto/people.inputs.js';
import { Fellow } from '../entities/index.js';
import { PeopleLoaders } from '../people.loaders.js';
import { FellowsService } from './fellows.service.js';

@ObjectType()
export class FellowConnection extends ConnectionType(Fellow) {}

@Resolver(() => Fellow)
export class FellowsResolver {
  constructor(
    private readonly service: FellowsService,
    private readonly loaders: PeopleLoaders,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => FellowConnection)
  fellows(@CurrentActor() actor: Actor, @Context('req') req: object, @Args() args: FellowsArgs) {
    return this.service.list(this.loaders.for(req, actor).scope, args);
  }

  @Roles(...ALL_ROLES)
  @Query(() => Fellow, { nullable: true })
  fellow(@CurrentActor() actor: Actor, @Context('req') req: object, @IdArg('id') id: string) {
    return this.service.get(this.loaders.for(req, actor).scope, id);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Fellow)
  createFellow(@Args('input') input: CreateFellowInput) {
    return this.service.create(input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Fellow)
  updateFellow(@IdArg('id') id: string, @Args('input') input: UpdateFellowInput) {
    return this.service.update(id, input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Fellow)
  archiveFellow(@IdArg('id') id: string) {
    return this.service.archive(id);
  }
}
