import { Args, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { ALL_ROLES, ConnectionType, IdArg, MANAGERS, Roles } from '#core';
import { CreateFellowInput, FellowsArgs, UpdateFellowInput } from '../dto/people.inputs.js';
import { Fellow } from '../entities/index.js';
import { FellowsService } from './fellows.service.js';

@ObjectType()
export class FellowConnection extends ConnectionType(Fellow) {}

@Resolver(() => Fellow)
export class FellowsResolver {
  constructor(private readonly service: FellowsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => FellowConnection)
  fellows(@Ctx() ctx: RequestContext, @Args() args: FellowsArgs) {
    return this.service.list(ctx, args);
  }

  @Roles(...ALL_ROLES)
  @Query(() => Fellow, { nullable: true })
  fellow(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.service.get(ctx, id);
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
