import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDate,
  IsEnum,
  IsInt,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CalendarDate, PageArgs, Trim, TrimToNull } from '#core';
import { ScreeningStatus, ScreeningType } from '../entities/index.js';

const ID_FORMAT = { message: '$property must be an id' };

/** More spectators than this in one day of one screening is refused as a typing slip (a stadium holds fewer). */
export const MAX_DAILY_SPECTATORS = 100_000;

@InputType()
export class CreateVenueInput {
  @Field()
  @Trim()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @Field()
  @Trim()
  @IsNotEmpty({ message: 'city must not be empty' })
  @MaxLength(120)
  city: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(120)
  region?: string | null;

  @Field()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'country is an ISO 3166-1 alpha-2 code, e.g. ML' })
  country: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  capacity?: number | null;
}

@InputType()
export class CreateScreeningInput {
  @Field()
  @Trim()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @Field(() => ScreeningType)
  @IsEnum(ScreeningType)
  type: ScreeningType;

  @Field(() => ID, { nullable: true, description: 'None for ONLINE screenings' })
  @IsOptional()
  @IsUUID('all', ID_FORMAT)
  venueId?: string | null;

  @Field()
  @IsDate()
  startsAt: Date;

  @Field()
  @IsDate()
  endsAt: Date;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  hosts?: string[];

  @Field(() => [ID], { description: 'The programme, in running order' })
  @IsArray()
  @ArrayMinSize(1, { message: 'a screening shows at least one film' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, ...ID_FORMAT })
  filmIds: string[];
}

@InputType()
export class ScreeningAttendanceInput {
  @Field(() => ID)
  @IsUUID('all', ID_FORMAT)
  screeningId: string;

  @Field(() => CalendarDate, { description: 'A day of the screening, local to its venue' })
  @IsString()
  day: string;

  @Field(() => Int, { description: 'female + male <= total; under18 <= total' })
  @IsInt()
  @Min(0)
  @Max(MAX_DAILY_SPECTATORS)
  total: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DAILY_SPECTATORS)
  female?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DAILY_SPECTATORS)
  male?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DAILY_SPECTATORS)
  under18?: number | null;

  @Field({ description: 'A retried submission with the same key changes nothing' })
  @Matches(/^[A-Za-z0-9._:-]{8,100}$/, { message: 'idempotencyKey is 8 to 100 letters, digits or ._:- (a UUID works)' })
  idempotencyKey: string;
}

@InputType()
export class ScreeningFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(120)
  region?: string;

  @Field(() => ScreeningStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ScreeningStatus)
  status?: ScreeningStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', ID_FORMAT)
  filmId?: string;
}

@ArgsType()
export class ScreeningsArgs extends PageArgs {
  @Field(() => ScreeningFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScreeningFilter)
  filter?: ScreeningFilter;
}
