import { Args, Field, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { CalendarDate, IdArg, MANAGERS, Public, Role, Roles } from '#core';
import { Certificate } from '../entities/index.js';
import { CertificatesService } from './certificates.service.js';

/** What anyone holding a printed code may learn: no ids, no contact details. */
@ObjectType()
export class CertificateVerification {
  @Field()
  fellowName: string;

  @Field()
  programmeName: string;

  @Field()
  cohortName: string;

  @Field(() => CalendarDate)
  completedOn: string;
}

@Resolver(() => Certificate)
export class CertificatesResolver {
  constructor(private readonly service: CertificatesService) {}

  @Roles(...MANAGERS, Role.FELLOW)
  @Query(() => [Certificate], { description: "A fellow's certificates of completion, for the fellow and managers" })
  certificates(@Ctx() ctx: RequestContext, @IdArg('fellowId') fellowId: string) {
    return this.service.list(ctx, fellowId);
  }

  @Public()
  @Query(() => CertificateVerification, { nullable: true, description: 'Checks a printed verification code; null when unknown' })
  async verifyCertificate(@Args('code') code: string): Promise<CertificateVerification | null> {
    const certificate = await this.service.verify(code);
    return (
      certificate && {
        fellowName: certificate.fellowName,
        programmeName: certificate.programmeName,
        cohortName: certificate.cohortName,
        completedOn: certificate.completedOn,
      }
    );
  }

  @ResolveField(() => String, { nullable: true, description: 'The PDF, a link valid 15 minutes' })
  downloadUrl(@Parent() certificate: Certificate, @Ctx() ctx: RequestContext): Promise<string | null> {
    return this.service.downloadUrl(ctx, certificate);
  }
}
