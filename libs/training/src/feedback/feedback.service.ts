import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role } from '#core';
import { Enrollment, Fellow, type AccessScope } from '#people';
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

  async add(scope: AccessScope, input: AddFeedbackNoteInput): Promise<FeedbackNote> {
    await this.sessions.teachableCohort(scope, input.cohortId);
    if (!(await this.dataSource.getRepository(Enrollment).existsBy({ cohortId: input.cohortId, fellowId: input.fellowId }))) {
      throw trainingError('NOT_ENROLLED', 'Notes are written on fellows of the cohort; this fellow is not enrolled in it');
    }
    const notes = this.dataSource.getRepository(FeedbackNote);
    return notes.save(notes.create({ ...input, authorId: scope.actor.id }));
  }

  /** A fellow's notes: all of them for managers, those of their cohorts for trainers, the shared ones for the fellow. */
  async list(scope: AccessScope, fellowId: string): Promise<FeedbackNote[]> {
    if (!(await this.dataSource.getRepository(Fellow).existsBy({ id: fellowId }))) {
      throw trainingError('FELLOW_NOT_FOUND', `No fellow with id ${fellowId}`);
    }
    const query = this.dataSource
      .getRepository(FeedbackNote)
      .createQueryBuilder('note')
      .where('note.fellowId = :fellowId', { fellowId })
      .orderBy('note.createdAt', 'DESC');
    if (scope.actor.role === Role.FELLOW) {
      if (scope.actor.fellowId !== fellowId) throw trainingError('NOT_VISIBLE', 'You can read only the notes written on you');
      return query.andWhere('note.visibility = :shared', { shared: FeedbackVisibility.SHARED }).getMany();
    }
    if (scope.actor.role === Role.TRAINER) {
      const cohorts = [...(await scope.visibleCohortIds())];
      if (cohorts.length === 0) return [];
      return query.andWhere('note.cohortId IN (:...cohorts)', { cohorts }).getMany();
    }
    return query.getMany();
  }
}
