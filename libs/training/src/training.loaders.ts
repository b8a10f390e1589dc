import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { groupByKeys, PerRequest } from '#core';
import { User } from '#people';
import { DataSource, In } from 'typeorm';
import { AttendanceChange, AttendanceRecord, SessionTrainer } from './entities/index.js';

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
    return groupByKeys(sessionIds, links, (link) => link.sessionId).map((group) => group.map((link) => link.user!));
  });

  readonly attendanceOfSession = new DataLoader<string, AttendanceRecord[]>(async (sessionIds) =>
    groupByKeys(
      sessionIds,
      await this.dataSource.getRepository(AttendanceRecord).findBy({ sessionId: In([...sessionIds]) }),
      (r) => r.sessionId,
    ),
  );

  readonly changesOfSession = new DataLoader<string, AttendanceChange[]>(async (sessionIds) =>
    groupByKeys(
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
  private readonly perRequest: PerRequest<TrainingLoaderSet>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.perRequest = new PerRequest(() => new TrainingLoaderSet(dataSource));
  }

  for(request: object): TrainingLoaderSet {
    return this.perRequest.for(request);
  }
}
