import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RequestContext } from '#access';
import { Role } from '#core';
import { Enrollment, Fellow } from '#people';
import { DataSource } from 'typeorm';
import { AddFeedbackNoteInput } from '../dto/training.inputs.js';
import { FeedbackNote, FeedbackVisibility } from '../entities/index.js';
import { TrainingSessionsService } from '../sessions/training-sessions.service.js';
import { trainingError } from '../training.errors.js';

/** Trainers' notes on a fellow: private to trainers and managers, or shared with the fellow. */
@Injectable()
export class FeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: TrainingSessionsService,
  ) {}

  async add(ctx: RequestContext, input: AddFeedbackNoteInput): Promise<FeedbackNote> {
    await this.sessions.teachableCohort(ctx, input.cohortId);
    if (!(await this.dataSource.getRepository(Enrollment).existsBy({ cohortId: input.cohortId, fellowId: input.fellowId }))) {
      throw trainingError('NOT_ENROLLED', 'Notes are written on fellows of the cohort; this fellow is not enrolled in it');
    }
    const notes = this.dataSource.getRepository(FeedbackNote);
    return notes.save(notes.create({ ...input, authorId: ctx.actor.id }));
  }

  /** A fellow's notes: all of them for managers, those of their cohorts for trainers, the shared ones for the fellow. */
  async list(ctx: RequestContext, fellowId: string): Promise<FeedbackNote[]> {
    if (!(await this.dataSource.getRepository(Fellow).existsBy({ id: fellowId }))) {
      throw trainingError('FELLOW_NOT_FOUND', `No fellow with id ${fellowId}`);
    }
    const query = this.dataSource
      .getRepository(FeedbackNote)
      .createQueryBuilder('note')
      .where('note.fellowId = :fellowId', { fellowId })
      .orderBy('note.createdAt', 'DESC');
    if (ctx.actor.role === Role.FELLOW) {
      if (ctx.actor.fellowId !== fellowId) throw trainingError('NOT_VISIBLE', 'You can read only the notes written on you');
      return query.andWhere('note.visibility = :shared', { shared: FeedbackVisibility.SHARED }).getMany();
    }
    if (ctx.actor.role === Role.TRAINER) {
      return ctx.restrict('cohort.teach', query, 'note.cohort_id').getMany();
    }
    return query.getMany();
  }
}
