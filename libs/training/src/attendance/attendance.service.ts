import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RequestContext } from '#access';
import { Enrollment, EnrollmentStatus } from '#people';
import { DataSource, In, Not } from 'typeorm';
import { AttendanceInput } from '../dto/training.inputs.js';
import { AttendanceChange, AttendanceRecord, SessionStatus, TrainingSession } from '../entities/index.js';
import { TrainingSessionsService } from '../sessions/training-sessions.service.js';
import { trainingError } from '../training.errors.js';

/** A roll call may be taken this long before its session starts (the trainer is in the room, fellows arrive). */
export const ROLL_CALL_OPENS_BEFORE_MS = 30 * 60_000;

/** Roll calls: the whole attendance of a session recorded at once, every change kept. */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: TrainingSessionsService,
  ) {}

  /**
   * Records a session's roll call. The same roll call again changes nothing; a corrected one replaces the
   * earlier marks (fellows left out lose theirs) and each change is kept with who made it and when.
   * Recording attendance marks the session HELD.
   */
  async record(ctx: RequestContext, sessionId: string, records: AttendanceInput[]): Promise<TrainingSession> {
    const duplicates = records.map((r) => r.fellowId).filter((id, i, all) => all.indexOf(id) !== i);
    if (duplicates.length > 0)
      throw trainingError('DUPLICATE_MARK', `A fellow appears twice in the roll call: ${[...new Set(duplicates)].join(', ')}`);

    const existing = await this.dataSource.getRepository(TrainingSession).findOneBy({ id: sessionId });
    if (!existing) throw trainingError('SESSION_NOT_FOUND', `No training session with id ${sessionId}`);
    await this.sessions.teachableCohort(ctx, existing.cohortId);

    return this.dataSource.transaction(async (manager) => {
      // The row lock orders concurrent roll calls of one session: each compares against the one before it.
      const session = await manager.findOne(TrainingSession, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw trainingError('SESSION_NOT_FOUND', `No training session with id ${sessionId}`);
      if (session.status === SessionStatus.CANCELLED)
        throw trainingError('SESSION_CANCELLED', `The session ${session.title} was cancelled`);
      // A roll call taken ahead would mark the session HELD and count everyone left out as absent from a
      // session that has not happened. It opens when the session starts (a trainer may take it a little early).
      if (session.startsAt.getTime() - ROLL_CALL_OPENS_BEFORE_MS > Date.now())
        throw trainingError('SESSION_NOT_STARTED', `The roll call of ${session.title} opens when the session starts`, {
          startsAt: session.startsAt.toISOString(),
        });

      const fellowIds = records.map((r) => r.fellowId);
      if (fellowIds.length > 0) {
        const enrolled = await manager.findBy(Enrollment, {
          cohortId: session.cohortId,
          fellowId: In(fellowIds),
          status: Not(EnrollmentStatus.WITHDRAWN),
        });
        const outsiders = fellowIds.filter((id) => !enrolled.some((e) => e.fellowId === id));
        if (outsiders.length > 0) {
          // Ids only: the caller may not see a fellow outside the cohort, not even their name.
          throw trainingError('NOT_ENROLLED', `Only fellows enrolled in the cohort can be marked; not enrolled: ${outsiders.join(', ')}`, {
            fellowIds: outsiders,
          });
        }
      }

      const before = new Map((await manager.findBy(AttendanceRecord, { sessionId })).map((r) => [r.fellowId, r]));
      const now = new Date();
      const changes: Partial<AttendanceChange>[] = [];
      for (const mark of records) {
        const previous = before.get(mark.fellowId);
        const note = mark.note ?? null;
        before.delete(mark.fellowId);
        if (previous && previous.status === mark.status && previous.note === note) continue;
        changes.push({
          sessionId,
          fellowId: mark.fellowId,
          fromStatus: previous?.status ?? null,
          fromNote: previous?.note ?? null,
          toStatus: mark.status,
          toNote: note,
          changedById: ctx.actor.id,
        });
        await manager.upsert(
          AttendanceRecord,
          { sessionId, fellowId: mark.fellowId, status: mark.status, note, recordedById: ctx.actor.id, recordedAt: now },
          ['sessionId', 'fellowId'],
        );
      }
      for (const removed of before.values()) {
        changes.push({
          sessionId,
          fellowId: removed.fellowId,
          fromStatus: removed.status,
          fromNote: removed.note,
          toStatus: null,
          toNote: null,
          changedById: ctx.actor.id,
        });
        await manager.delete(AttendanceRecord, { sessionId, fellowId: removed.fellowId });
      }
      // Dated by the database's clock now, after the row lock: the transaction's start (the column's default)
      // came before the lock, and concurrent roll calls were listed out of order in the history.
      if (changes.length > 0)
        await manager.insert(
          AttendanceChange,
          changes.map((change) => ({ ...change, changedAt: () => 'clock_timestamp()' })),
        );
      if (session.status !== SessionStatus.HELD) {
        session.status = SessionStatus.HELD;
        return manager.save(session);
      }
      return session;
    });
  }
}
