import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
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

  @Field(() => Float)
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01)
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
