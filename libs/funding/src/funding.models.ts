import { Field, Float, ObjectType } from '@nestjs/graphql';
import { CalendarDate } from '#core';
import { Currency, Grant } from './entities/index.js';

@ObjectType()
export class ReportingDeadline {
  @Field(() => CalendarDate)
  dueOn: string;

  @Field(() => Grant)
  grant: Grant;
}

@ObjectType()
export class FunderAmount {
  @Field()
  funder: string;

  @Field(() => Currency)
  currency: Currency;

  @Field(() => Float)
  amount: number;

  @Field(() => Float, { description: 'Grants in this funder and currency active in the period' })
  grants: number;
}
