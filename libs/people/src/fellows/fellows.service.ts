import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RequestContext } from '#access';
import { containsPattern, paginate, type Connection } from '#core';
import { DataSource, Not, type FindOptionsWhere } from 'typeorm';
import { CreateFellowInput, FellowsArgs, UpdateFellowInput } from '../dto/people.inputs.js';
import { Fellow } from '../entities/index.js';
import { peopleError } from '../people.errors.js';

/** Fellow profiles: the young filmmakers, with or without an account. */
@Injectable()
export class FellowsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(ctx: RequestContext, { filter, ...page }: FellowsArgs): Promise<Connection<Fellow>> {
    const query = this.dataSource.getRepository(Fellow).createQueryBuilder('fellow').where('fellow.archivedAt IS NULL');
    if (filter?.cohortId) {
      query.andWhere('fellow.id IN (SELECT e.fellow_id FROM enrollment e WHERE e.cohort_id = :cohortId)', { cohortId: filter.cohortId });
    }
    if (filter?.gender) query.andWhere('fellow.gender = :gender', { gender: filter.gender });
    if (filter?.region) query.andWhere('lower(fellow.region) = lower(:region)', { region: filter.region });
    if (filter?.search) {
      query.andWhere('(fellow.fullName ILIKE :search OR fellow.city ILIKE :search)', { search: containsPattern(filter.search) });
    }
    return paginate(ctx.restrict('fellow.profile', query), page);
  }

  /** The fellow, or null when none has this id; FORBIDDEN when it exists but the caller may not see it. */
  async get(ctx: RequestContext, id: string): Promise<Fellow | null> {
    const fellow = await this.dataSource.getRepository(Fellow).findOneBy({ id });
    if (!fellow) return null;
    if (!(await ctx.can('fellow.profile', id))) throw peopleError('NOT_VISIBLE', `The fellow ${id} is not in one of your cohorts`);
    return fellow;
  }

  async create(input: CreateFellowInput): Promise<Fellow> {
    if (input.email) await this.assertEmailFree(input.email);
    const fellows = this.dataSource.getRepository(Fellow);
    return fellows.save(
      fellows.create({
        fullName: input.fullName,
        gender: input.gender,
        country: input.country,
        city: input.city ?? null,
        region: input.region ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        archivedAt: null,
      }),
    );
  }

  async update(id: string, input: UpdateFellowInput): Promise<Fellow> {
    const fellow = await this.activeOrFail(id);
    if (input.email && input.email !== fellow.email) await this.assertEmailFree(input.email, id);
    const fellows = this.dataSource.getRepository(Fellow);
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    return fellows.save(fellows.merge(fellow, changes));
  }

  async archive(id: string): Promise<Fellow> {
    const fellow = await this.activeOrFail(id);
    fellow.archivedAt = new Date();
    return this.dataSource.getRepository(Fellow).save(fellow);
  }

  private async activeOrFail(id: string): Promise<Fellow> {
    const fellow = await this.dataSource.getRepository(Fellow).findOneBy({ id });
    if (!fellow) throw peopleError('FELLOW_NOT_FOUND', `No fellow with id ${id}`);
    if (fellow.archivedAt) throw peopleError('ARCHIVED', `The fellow ${fellow.fullName} is archived`);
    return fellow;
  }

  private async assertEmailFree(email: string, exceptId?: string): Promise<void> {
    const where: FindOptionsWhere<Fellow> = exceptId ? { email, id: Not(exceptId) } : { email };
    if (await this.dataSource.getRepository(Fellow).existsBy(where)) {
      throw peopleError('EMAIL_TAKEN', `Another fellow already has the email ${email}`);
    }
  }
}
