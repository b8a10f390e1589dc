import { Args, Mutation, Query, ResolveField, Resolver, Parent } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { ALL_ROLES, IdArg, MANAGERS, Role, Roles } from '#core';
import { PeopleLoaderSet, User } from '#people';
import { AddFeedbackNoteInput } from '../dto/training.inputs.js';
import { FeedbackNote } from '../entities/index.js';
import { FeedbackService } from './feedback.service.js';

@Resolver(() => FeedbackNote)
export class FeedbackResolver {
  constructor(private readonly service: FeedbackService) {}

  @Roles(...MANAGERS, Role.TRAINER)
  @Mutation(() => FeedbackNote)
  addFeedbackNote(@Ctx() ctx: RequestContext, @Args('input') input: AddFeedbackNoteInput) {
    return this.service.add(ctx, input);
  }

  @Roles(...ALL_ROLES)
  @Query(() => [FeedbackNote], { description: 'Notes on a fellow, newest first; a fellow sees only the SHARED ones' })
  feedbackNotes(@Ctx() ctx: RequestContext, @IdArg('fellowId') fellowId: string) {
    return this.service.list(ctx, fellowId);
  }

  @ResolveField(() => User, { nullable: true, description: 'Null when unknown or when the caller may not see that user (see User.email)' })
  async author(@Parent() note: FeedbackNote, @Ctx() ctx: RequestContext): Promise<User | null> {
    if (!note.authorId || !(await ctx.can('user.contact', note.authorId))) return null;
    return ctx.loaders(PeopleLoaderSet).user.load(note.authorId);
  }
}
