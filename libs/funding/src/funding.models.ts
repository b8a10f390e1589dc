import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDate } from '#core';
import { Currency, Grant } from './entities/index.js';

@ObjectType()
export class ReportingDeadline {
  @Field(() => CalendarDate)
  dueOn: string;

  @Field(() => Grant)
  grant: Grant;

  @Field(() => Date, { nullable: true, description: 'When a manager marked this report sent; null while it is still to do' })
  doneAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The name of the manager who marked it sent' })
  doneBy: string | null;
}

@ObjectType()
export class FunderAmount {
  @Field()
  funder: string;

  @Field(() => Currency)
  currency: Currency;

  @Field(() => Float)
  amount: number;

  @Field({ description: 'The exact sum, written with the currency\'s minor units ("12500000" XOF, "60000.00" EUR)' })
  amountText: string;

  @Field(() => Float, { description: 'Grants in this funder and currency active in the period' })
  grants: number;
}

@ObjectType({ description: 'The grants of one currency added up: currencies are never converted nor summed together' })
export class CurrencyTotal {
  @Field(() => Currency)
  currency: Currency;

  @Field({ description: 'The exact sum, written with the currency\'s minor units ("12500000" XOF, "60000.30" EUR)' })
  amountText: string;

  @Field(() => Float, { description: 'The same sum as a number, for charts; amountText is the exact figure' })
  amount: number;

  @Field(() => Int, { description: 'How many grants the total adds up' })
  grants: number;
}
