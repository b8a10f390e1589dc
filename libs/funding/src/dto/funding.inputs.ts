import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CalendarDate } from '#core';
import { Currency, FunderKind } from '../entities/index.js';

@InputType()
export class CreateFunderInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @Field(() => FunderKind)
  @IsEnum(FunderKind)
  kind: FunderKind;
}

@InputType()
export class CreateGrantInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'funderId must be an id' })
  funderId: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title: string;

  @Field(() => Float, {
    description: 'In the currency, with at most its minor units: whole francs for XOF, cents for EUR and USD (10.5 XOF is refused)',
  })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  amount: number;

  @Field(() => Currency, { nullable: true, description: 'XOF by default' })
  @IsOptional()
  @IsEnum(Currency)
  currency?: Currency;

  @Field(() => CalendarDate)
  @IsString()
  startDate: string;

  @Field(() => CalendarDate)
  @IsString()
  endDate: string;

  @Field(() => [ID], { nullable: true, description: 'Programmes the grant funds' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'programmeIds must be ids' })
  programmeIds?: string[];

  @Field(() => [CalendarDate], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  reportingDueDates?: string[];
}

@InputType({ description: 'Which grants to total: all of them, or those of a funder, of a programme, active in a period' })
export class GrantTotalsFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'funderId must be an id' })
  funderId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'programmeId must be an id' })
  programmeId?: string;

  @Field(() => CalendarDate, { nullable: true, description: 'Grants still running on or after this day' })
  @IsOptional()
  @IsString()
  from?: string;

  @Field(() => CalendarDate, { nullable: true, description: 'Grants started on or before this day' })
  @IsOptional()
  @IsString()
  to?: string;
}
