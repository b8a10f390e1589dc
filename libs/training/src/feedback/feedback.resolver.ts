import { Args, Context, Mutation, Query, ResolveField, Resolver, Parent } from '@nestjs/graphql';
import { ALL_ROLES, CurrentActor, IdArg, MANAGERS, Role, Roles, type Actor } from '#core';
import { PeopleLoaders, User } from '#people';
import { AddFeedbackNoteInput } from '../dto/training.inputs.js';
import { FeedbackNote } from '../entities/index.js';
import { FeedbackService } from './feedback.service.js';

@Resolver(() => FeedbackNote)
export class FeedbackResolver {
  constructor(
    private readonly service: FeedbackService,
    private readonly people: PeopleLoaders,
  ) {}

  @Roles(...MANAGERS, Role.TRAINER)
  @Mutation(() => FeedbackNote)
  addFeedbackNote(@CurrentActor() actor: Actor, @Context('req') req: object, @Args('input') input: AddFeedbackNoteInput) {
    return this.service.add(this.people.for(req, actor).scope, input);
  }

  @Roles(...ALL_ROLES)
  @Query(() => [FeedbackNote], { description: 'Notes on a fellow, newest first; a fellow sees only the SHARED ones' })
  feedbackNotes(@CurrentActor() actor: Actor, @Context('req') req: object, @IdArg('fellowId') fellowId: string) {
    return this.service.list(this.people.for(req, actor).scope, fellowId);
  }

  @ResolveField(() => User, { nullable: true })
  author(@Parent() note: FeedbackNote, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<User | null> | null {
    return note.authorId ? this.people.for(req, actor).user.load(note.authorId) : null;
  }
}
