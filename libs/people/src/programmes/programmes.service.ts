import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RequestContext } from '#access';
import { paginate, type Connection, type PageArgs } from '#core';
import { DataSource, IsNull } from 'typeorm';
import { CreateProgrammeInput, UpdateProgrammeInput } from '../dto/people.inputs.js';
import { Cohort, Programme } from '../entities/index.js';
import { peopleError } from '../people.errors.js';

@Injectable()
export class ProgrammesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(ctx: RequestContext, args: PageArgs): Promise<Connection<Programme>> {
    const query = this.dataSource.getRepository(Programme).createQueryBuilder('programme').where('programme.archivedAt IS NULL');
    return paginate(ctx.restrict('programme.read', query), args);
  }

  /** The programme, or null when none has this id; FORBIDDEN when it exists but is not the caller's. */
  async get(ctx: RequestContext, id: string): Promise<Programme | null> {
    const programme = await this.dataSource.getRepository(Programme).findOneBy({ id });
    if (!programme) return null;
    if (!(await ctx.can('programme.read', id))) throw peopleError('NOT_VISIBLE', `The programme ${id} has none of your cohorts`);
    return programme;
  }

  create(input: CreateProgrammeInput): Promise<Programme> {
    const programmes = this.dataSource.getRepository(Programme);
    return programmes.save(
      programmes.create({
        name: input.name,
        description: input.description ?? null,
        countries: unique(input.countries ?? []),
        archivedAt: null,
      }),
    );
  }

  async update(id: string, input: UpdateProgrammeInput): Promise<Programme> {
    const programme = await this.activeOrFail(id);
    const programmes = this.dataSource.getRepository(Programme);
    programmes.merge(programme, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.countries !== undefined && { countries: unique(input.countries) }),
    });
    return programmes.save(programme);
  }

  /** Archives a programme and its cohorts: they leave the lists but keep their history. */
  async archive(id: string): Promise<Programme> {
    const programme = await this.activeOrFail(id);
    return this.dataSource.transaction(async (manager) => {
      const archivedAt = new Date();
      await manager.getRepository(Cohort).update({ programmeId: id, archivedAt: IsNull() }, { archivedAt });
      programme.archivedAt = archivedAt;
      return manager.save(programme);
    });
  }

  private async activeOrFail(id: string): Promise<Programme> {
    const programme = await this.dataSource.getRepository(Programme).findOneBy({ id });
    if (!programme) throw peopleError('PROGRAMME_NOT_FOUND', `No programme with id ${id}`);
    if (programme.archivedAt) throw peopleError('ARCHIVED', `The programme ${programme.name} is archived`);
    return programme;
  }
}

const unique = (values: string[]): string[] => [...new Set(values)];
