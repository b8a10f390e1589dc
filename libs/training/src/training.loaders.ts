import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { User } from '#people';
import { DataSource, In } from 'typeorm';
import { AttendanceChange, AttendanceRecord, SessionTrainer } from './entities/index.js';

function byKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** Batches the relation reads of training sessions within one GraphQL request. */
export class TrainingLoaderSet {
  constructor(private readonly dataSource: DataSource) {}

  readonly trainersOfSession = new DataLoader<string, User[]>(async (sessionIds) => {
    const links = await this.dataSource
      .getRepository(SessionTrainer)
      .createQueryBuilder('link')
      .innerJoinAndSelect('link.user', 'trainer')
      .where('link.sessionId IN (:...sessionIds)', { sessionIds })
      .orderBy('trainer.fullName', 'ASC')
      .getMany();
    return byKey(sessionIds, links, (link) => link.sessionId).map((group) => group.map((link) => link.user!));
  });

  readonly attendanceOfSession = new DataLoader<string, AttendanceRecord[]>(async (sessionIds) =>
    byKey(sessionIds, await this.dataSource.getRepository(AttendanceRecord).findBy({ sessionId: In([...sessionIds]) }), (r) => r.sessionId),
  );

  readonly changesOfSession = new DataLoader<string, AttendanceChange[]>(async (sessionIds) =>
    byKey(
      sessionIds,
      await this.dataSource
        .getRepository(AttendanceChange)
        .find({ where: { sessionId: In([...sessionIds]) }, order: { changedAt: 'ASC' } }),
      (c) => c.sessionId,
    ),
  );
}

/** One TrainingLoaderSet per request, kept against the request object. */
@Injectable()
export class TrainingLoaders {
  private readonly perRequest = new WeakMap<object, TrainingLoaderSet>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  for(request: object): TrainingLoaderSet {
    let set = this.perRequest.get(request);
    if (!set) {
      set = new TrainingLoaderSet(this.dataSource);
      this.perRequest.set(request, set);
    }
    return set;
  }
}
