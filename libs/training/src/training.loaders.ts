import DataLoader from 'dataloader';
import type { RequestContext } from '#access';
import { groupByKeys } from '#core';
import { User } from '#people';
import { In } from 'typeorm';
import { AttendanceChange, AttendanceRecord, SessionTrainer } from './entities/index.js';

/** Batches the relation reads of training sessions within one GraphQL request. */
export class TrainingLoaderSet {
  constructor(private readonly ctx: RequestContext) {}

  readonly trainersOfSession = new DataLoader<string, User[]>(async (sessionIds) => {
    const links = await this.ctx.manager
      .getRepository(SessionTrainer)
      .createQueryBuilder('link')
      .innerJoinAndSelect('link.user', 'trainer')
      .where('link.sessionId IN (:...sessionIds)', { sessionIds })
      .orderBy('trainer.fullName', 'ASC')
      .getMany();
    return groupByKeys(sessionIds, links, (link) => link.sessionId).map((group) => group.map((link) => link.user!));
  });

  readonly attendanceOfSession = new DataLoader<string, AttendanceRecord[]>(async (sessionIds) =>
    groupByKeys(
      sessionIds,
      await this.ctx.manager.getRepository(AttendanceRecord).findBy({ sessionId: In([...sessionIds]) }),
      (r) => r.sessionId,
    ),
  );

  readonly changesOfSession = new DataLoader<string, AttendanceChange[]>(async (sessionIds) =>
    groupByKeys(
      sessionIds,
      await this.ctx.manager
        .getRepository(AttendanceChange)
        .find({ where: { sessionId: In([...sessionIds]) }, order: { changedAt: 'ASC' } }),
      (c) => c.sessionId,
    ),
  );
}
