import { Args, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { ALL_ROLES, ConnectionType, IdArg, MANAGERS, PageArgs, Roles } from '#core';
import { CreateProgrammeInput, UpdateProgrammeInput } from '../dto/people.inputs.js';
import { Programme } from '../entities/index.js';
import { ProgrammesService } from './programmes.service.js';

@ObjectType()
export class ProgrammeConnection extends ConnectionType(Programme) {}

@Resolver(() => Programme)
export class ProgrammesResolver {
  constructor(private readonly service: ProgrammesService) {}

  @Roles(...ALL_ROLES)
  @Query(() => ProgrammeConnection)
  programmes(@Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return this.service.list(ctx, page);
  }

  @Roles(...ALL_ROLES)
  @Query(() => Programme, { nullable: true })
  programme(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.service.get(ctx, id);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Programme)
  createProgramme(@Args('input') input: CreateProgrammeInput) {
    return this.service.create(input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Programme)
  updateProgramme(@IdArg('id') id: string, @Args('input') input: UpdateProgrammeInput) {
    return this.service.update(id, input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Programme, { description: 'Archives the programme and its cohorts; their history stays' })
  archiveProgramme(@IdArg('id') id: string) {
    return this.service.archive(id);
  }
}
