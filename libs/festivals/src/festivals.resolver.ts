import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { ALL_ROLES, IdArg, MANAGERS, Roles } from '#core';
import { CreateFestivalEditionInput, CreateFestivalEntryInput, CreateFestivalInput } from './dto/festivals.inputs.js';
import { Award, EntryStatus, Festival, FestivalEdition, FestivalEntry } from './entities/index.js';
import { FestivalsService } from './festivals.service.js';

@Resolver(() => Festival)
export class FestivalsResolver {
  constructor(private readonly service: FestivalsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [Festival])
  festivals() {
    return this.service.listFestivals();
  }

  @Roles(...ALL_ROLES)
  @Query(() => FestivalEntry, { nullable: true })
  festivalEntry(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.service.getEntry(ctx, id);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Festival)
  createFestival(@Args('input') input: CreateFestivalInput) {
    return this.service.createFestival(input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => FestivalEdition)
  createFestivalEdition(@Args('input') input: CreateFestivalEditionInput) {
    return this.service.createEdition(input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => FestivalEntry)
  createFestivalEntry(@Ctx() ctx: RequestContext, @Args('input') input: CreateFestivalEntryInput) {
    return this.service.createEntry(ctx, input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => FestivalEntry, {
    description: 'DRAFT -> SUBMITTED -> SELECTED or NOT_SELECTED; DRAFT or SUBMITTED -> WITHDRAWN; SUBMITTED or SELECTED -> DISQUALIFIED',
  })
  changeEntryStatus(
    @Ctx() ctx: RequestContext,
    @IdArg('entryId') entryId: string,
    @Args('status', { type: () => EntryStatus }) status: EntryStatus,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ) {
    return this.service.changeStatus(ctx, entryId, status, note);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Award, { description: 'Only on SELECTED entries' })
  recordAward(
    @IdArg('entryId') entryId: string,
    @Args('name') name: string,
    @Args('category', { type: () => String, nullable: true }) category: string | null,
  ) {
    return this.service.recordAward(entryId, name, category);
  }
}
