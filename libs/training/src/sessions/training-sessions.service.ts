import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RequestContext } from '#access';
import { localDate, Role } from '#core';
import { Cohort, CohortTrainer, User } from '#people';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import { CreateTrainingSessionInput, UpdateTrainingSessionInput } from '../dto/training.inputs.js';
import { SessionStatus, SessionTrainer, TrainingSession } from '../entities/index.js';
import { trainingError } from '../training.errors.js';

interface Plan {
  startsAt: Date;
  endsAt: Date;
  trainerIds: string[];
}

/** Training sessions of cohorts: planned, held or cancelled, with the trainers who lead them. */
@Injectable()
export class TrainingSessionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(ctx: RequestContext, cohortId: string, from?: Date, to?: Date): Promise<TrainingSession[]> {
    await this.visibleCohort(ctx, cohortId);
    const query = this.dataSource
      .getRepository(TrainingSession)
      .createQueryBuilder('session')
      .where('session.cohortId = :cohortId', { cohortId })
      .orderBy('session.startsAt', 'ASC');
    if (from) query.andWhere('session.endsAt > :from', { from });
    if (to) query.andWhere('session.startsAt < :to', { to });
    return query.getMany();
  }

  /** The session, or null when none has this id; FORBIDDEN when its cohort is not the caller's. */
  async get(ctx: RequestContext, id: string): Promise<TrainingSession | null> {
    const session = await this.dataSource.getRepository(TrainingSession).findOneBy({ id });
    if (!session) return null;
    if (!(await ctx.can('cohort.read', session.cohortId)))
      throw trainingError('NOT_VISIBLE', 'This session belongs to a cohort that is not yours');
    return session;
  }

  async create(ctx: RequestContext, input: CreateTrainingSessionInput): Promise<TrainingSession> {
    const cohort = await this.teachableCohort(ctx, input.cohortId);
    const trainerIds = input.trainerIds ?? (ctx.actor.role === Role.TRAINER ? [ctx.actor.id] : []);
    return this.dataSource.transaction(async (manager) => {
      await this.assertPlanAcceptable(manager, cohort, { startsAt: input.startsAt, endsAt: input.endsAt, trainerIds });
      const session = await manager.save(
        manager.create(TrainingSession, {
          cohortId: cohort.id,
          title: input.title,
          topic: input.topic ?? null,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          location: input.location ?? null,
          cancellationReason: null,
        }),
      );
      await this.setTrainers(manager, session.id, trainerIds);
      return session;
    });
  }

  async update(ctx: RequestContext, id: string, input: UpdateTrainingSessionInput): Promise<TrainingSession> {
    const session = await this.editable(ctx, id);
    const cohort = await this.teachableCohort(ctx, session.cohortId);
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findBy(SessionTrainer, { sessionId: id });
      const plan: Plan = {
        startsAt: input.startsAt ?? session.startsAt,
        endsAt: input.endsAt ?? session.endsAt,
        trainerIds: input.trainerIds ?? current.map((t) => t.userId),
      };
      await this.assertPlanAcceptable(manager, cohort, plan, id);
      Object.assign(session, {
        ...(input.title !== undefined && { title: input.title }),
        ...(input.topic !== undefined && { topic: input.topic }),
        ...(input.location !== undefined && { location: input.location }),
        startsAt: plan.startsAt,
        endsAt: plan.endsAt,
      });
      const saved = await manager.save(session);
      if (input.trainerIds) await this.setTrainers(manager, id, plan.trainerIds);
      return saved;
    });
  }

  async cancel(ctx: RequestContext, id: string, reason: string | null): Promise<TrainingSession> {
    const session = await this.editable(ctx, id);
    await this.teachableCohort(ctx, session.cohortId);
    session.status = SessionStatus.CANCELLED;
    session.cancellationReason = reason?.trim() || null;
    return this.dataSource.getRepository(TrainingSession).save(session);
  }

  private async editable(ctx: RequestContext, id: string): Promise<TrainingSession> {
    const session = await this.dataSource.getRepository(TrainingSession).findOneBy({ id });
    if (!session) throw trainingError('SESSION_NOT_FOUND', `No training session with id ${id}`);
    if (session.status === SessionStatus.CANCELLED) throw trainingError('SESSION_CANCELLED', `The session ${session.title} is cancelled`);
    return session;
  }

  private async visibleCohort(ctx: RequestContext, cohortId: string): Promise<Cohort> {
    const cohort = await this.dataSource.getRepository(Cohort).findOneBy({ id: cohortId });
    if (!cohort) throw trainingError('COHORT_NOT_FOUND', `No cohort with id ${cohortId}`);
    if (!(await ctx.can('cohort.read', cohortId))) throw trainingError('NOT_VISIBLE', `The cohort ${cohortId} is not one of yours`);
    return cohort;
  }

  /** The cohort, when the caller runs its training (managers, its trainers). */
  async teachableCohort(ctx: RequestContext, cohortId: string): Promise<Cohort> {
    const cohort = await this.visibleCohort(ctx, cohortId);
    if (!(await ctx.can('cohort.teach', cohortId)))
      throw trainingError('NOT_YOUR_COHORT', `Only the trainers of ${cohort.name} and managers plan its sessions`);
    if (cohort.archivedAt) throw trainingError('ARCHIVED', `The cohort ${cohort.name} is archived`);
    return cohort;
  }

  /** End after start, within the cohort's dates (in its time zone), trainers of the cohort, none double-booked. */
  private async assertPlanAcceptable(manager: EntityManager, cohort: Cohort, plan: Plan, sessionId?: string): Promise<void> {
    if (plan.endsAt <= plan.startsAt) {
      throw trainingError(
        'INVALID_TIMES',
        `The session ends (${plan.endsAt.toISOString()}) before it starts (${plan.startsAt.toISOString()})`,
      );
    }
    const firstDay = localDate(plan.startsAt, cohort.timeZone);
    const lastDay = localDate(plan.endsAt, cohort.timeZone);
    if ((cohort.startDate && firstDay < cohort.startDate) || (cohort.endDate && lastDay > cohort.endDate)) {
      throw trainingError(
        'OUTSIDE_COHORT_DATES',
        `The session (${firstDay} to ${lastDay}, ${cohort.timeZone}) falls outside the cohort's dates (${cohort.startDate ?? '…'} to ${cohort.endDate ?? '…'})`,
        // So that a form can say which dates would be accepted, next to the date field.
        { cohortStartDate: cohort.startDate ?? null, cohortEndDate: cohort.endDate ?? null },
      );
    }
    const trainerIds = [...new Set(plan.trainerIds)].sort();
    if (trainerIds.length === 0) return;
    const assigned = await manager.findBy(CohortTrainer, { cohortId: cohort.id, userId: In(trainerIds) });
    const missing = trainerIds.filter((id) => !assigned.some((a) => a.userId === id));
    if (missing.length > 0) {
      throw trainingError(
        'TRAINER_NOT_ASSIGNED',
        `Only trainers assigned to ${cohort.name} can lead its sessions; not assigned: ${missing.join(', ')}`,
      );
    }
    // Serialise bookings per trainer (sorted, so two plans never wait on each other), then look for overlaps:
    // two concurrent plans for one trainer cannot both pass the check.
    for (const id of trainerIds) await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`trainer-booking:${id}`]);
    const clash = await manager
      .getRepository(TrainingSession)
      .createQueryBuilder('session')
      .innerJoin(SessionTrainer, 'st', 'st.session_id = session.id')
      .innerJoin(User, 'trainer', 'trainer.id = st.user_id')
      .innerJoin(Cohort, 'clash_cohort', 'clash_cohort.id = session.cohort_id')
      .select([
        'session.id AS id',
        'session.title AS title',
        'session.starts_at AS starts_at',
        'session.ends_at AS ends_at',
        'clash_cohort.time_zone AS time_zone',
        'trainer.full_name AS trainer',
      ])
      .where('st.userId IN (:...trainerIds)', { trainerIds })
      .andWhere('session.status <> :cancelled', { cancelled: SessionStatus.CANCELLED })
      .andWhere(
        new Brackets((q) =>
          q
            .where('session.startsAt < :endsAt', { endsAt: plan.endsAt })
            .andWhere('session.endsAt > :startsAt', { startsAt: plan.startsAt }),
        ),
      )
      .andWhere(sessionId ? 'session.id <> :sessionId' : 'TRUE', { sessionId })
      .limit(1)
      .getRawOne<{ id: string; title: string; starts_at: Date; ends_at: Date; time_zone: string; trainer: string }>();
    if (clash) {
      // The message already names the trainer and the session; the same facts as fields let a form say them
      // next to the time it refuses, at the other session's local time.
      throw trainingError(
        'TRAINER_DOUBLE_BOOKED',
        `${clash.trainer} already leads "${clash.title}" at that time (${new Date(clash.starts_at).toISOString()})`,
        {
          conflictingSessionId: clash.id,
          conflictingSessionTitle: clash.title,
          conflictingStartsAt: new Date(clash.starts_at).toISOString(),
          conflictingEndsAt: new Date(clash.ends_at).toISOString(),
          conflictingTimeZone: clash.time_zone,
          trainerName: clash.trainer,
        },
      );
    }
  }

  private async setTrainers(manager: EntityManager, sessionId: string, trainerIds: string[]): Promise<void> {
    await manager.delete(SessionTrainer, { sessionId });
    if (trainerIds.length > 0)
      await manager.insert(
        SessionTrainer,
        [...new Set(trainerIds)].map((userId) => ({ sessionId, userId })),
      );
  }
}
