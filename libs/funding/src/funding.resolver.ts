import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MANAGERS, Roles } from '#core';
import { ImpactReport } from '#reports';
import { CreateFunderInput, CreateGrantInput, Funder, FunderAmount, Grant, ReportingDeadline } from './funding.entities.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FundingService } from './funding.service.js';

@Resolver(() => Grant)
export class FundingResolver {
  constructor(
    private readonly service: FundingService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Roles(...MANAGERS)
  @Query(() => [Funder])
  funders() {
    return this.service.listFunders();
  }

  @Roles(...MANAGERS)
  @Query(() => [Grant])
  grants(@Args('funderId', { nullable: true }) funderId?: string) {
    return this.service.listGrants(funderId);
  }

  @Roles(...MANAGERS)
  @Query(() => [ReportingDeadline], { description: 'Reports due to funders in the next `days` days (default 90)' })
  upcomingReporting(@Args('days', { type: () => Int, defaultValue: 90 }) days: number) {
    return this.service.upcomingReporting(Math.max(0, Math.min(days, 3650)));
  }

  @Roles(...MANAGERS)
  @Mutation(() => Funder)
  createFunder(@Args('input') input: CreateFunderInput) {
    return this.service.createFunder(input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Grant)
  createGrant(@Args('input') input: CreateGrantInput) {
    return this.service.createGrant(input);
  }

  @ResolveField(() => Funder)
  funder(@Parent() grant: Grant): Promise<Funder> {
    return this.dataSource.getRepository(Funder).findOneByOrFail({ id: grant.funderId });
  }

  @ResolveField(() => [String], { description: 'Names of the programmes funded' })
  async programmes(@Parent() grant: Grant): Promise<string[]> {
    const rows: { name: string }[] = await this.dataSource.query(
      'SELECT p.name FROM grant_programme gp JOIN programme p ON p.id = gp.programme_id WHERE gp.grant_id = $1 ORDER BY p.name',
      [grant.id],
    );
    return rows.map((r) => r.name);
  }
}

@Resolver(() => ImpactReport)
export class ImpactFundingResolver {
  constructor(private readonly service: FundingService) {}

  @ResolveField(() => [FunderAmount], { description: 'Grants active in the period, per funder and currency' })
  grantsByFunder(@Parent() report: ImpactReport): Promise<FunderAmount[]> {
    return this.service.amountsByFunder(report.from, report.to, report.programmeId);
  }
}
