import { Args, Context, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, ConnectionType, CurrentActor, IdArg, MANAGERS, PageArgs, Roles, type Actor } from '#core';
import { CreateProgrammeInput, UpdateProgrammeInput } from '../dto/people.inputs.js';
import { Programme } from '../entities/index.js';
import { PeopleLoaders } from '../people.loaders.js';
import { ProgrammesService } from './programmes.service.js';

@ObjectType()
export class ProgrammeConnection extends ConnectionType(Programme) {}

@Resolver(() => Programme)
export class ProgrammesResolver {
  constructor(
    private readonly service: ProgrammesService,
    private readonly loaders: PeopleLoaders,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => ProgrammeConnection)
  programmes(@CurrentActor() actor: Actor, @Context('req') req: object, @Args() page: PageArgs) {
    return this.service.list(this.loaders.for(req, actor).scope, page);
  }

  @Roles(...ALL_ROLES)
  @Query(() => Programme, { nullable: true })
  programme(@CurrentActor() actor: Actor, @Context('req') req: object, @IdArg('id') id: string) {
    return this.service.get(this.loaders.for(req, actor).scope, id);
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
