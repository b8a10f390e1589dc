import { Args, Context, Field, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CalendarDate, CurrentActor, IdArg, MANAGERS, Public, Role, Roles, type Actor } from '#core';
import { PeopleLoaders } from '#people';
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
  constructor(
    private readonly service: CertificatesService,
    private readonly people: PeopleLoaders,
  ) {}

  @Roles(...MANAGERS, Role.FELLOW)
  @Query(() => [Certificate], { description: "A fellow's certificates of completion, for the fellow and managers" })
  certificates(@CurrentActor() actor: Actor, @Context('req') req: object, @IdArg('fellowId') fellowId: string) {
    return this.service.list(this.people.for(req, actor).scope, fellowId);
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
  downloadUrl(@Parent() certificate: Certificate, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<string | null> {
    return this.service.downloadUrl(this.people.for(req, actor).scope, certificate);
  }
}
