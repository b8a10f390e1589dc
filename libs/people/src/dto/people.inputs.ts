import { ArgsType, Field, ID, InputType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsEnum,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CalendarDate, LowerCase, PageArgs, Role, Trim, TrimToNull, UpperCase } from '#core';
import { CohortStatus, Gender } from '../entities/index.js';

const COUNTRY = { message: 'country codes are ISO 3166-1 alpha-2, e.g. ML, NE' };
const ID_FORMAT = { message: '$property must be an id' };

@InputType()
export class CreateProgrammeInput {
  @Field()
  @Trim()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. ML, NE' })
  @IsOptional()
  @UpperCase()
  @ArrayMaxSize(60)
  @IsISO31661Alpha2({ each: true, ...COUNTRY })
  countries?: string[];
}

@InputType()
export class UpdateProgrammeInput extends PartialType(CreateProgrammeInput) {}

@InputType()
export class CreateCohortInput {
  @Field(() => ID)
  @IsUUID('all', ID_FORMAT)
  programmeId: string;

  @Field()
  @Trim()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  startDate?: string | null;

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  endDate?: string | null;

  @Field({ nullable: true, description: 'IANA time zone of the cohort, default Africa/Bamako' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Africa/Bamako or Africa/Niamey' })
  @MaxLength(64)
  timeZone?: string;
}

@InputType()
export class UpdateCohortInput {
  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  startDate?: string | null;

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  endDate?: string | null;

  @Field(() => CohortStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CohortStatus)
  status?: CohortStatus;

  @Field({ nullable: true })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Africa/Bamako or Africa/Niamey' })
  @MaxLength(64)
  timeZone?: string;
}

@InputType()
export class CreateFellowInput {
  @Field()
  @Trim()
  @IsNotEmpty({ message: 'fullName must not be empty' })
  @MaxLength(200)
  fullName: string;

  @Field(() => Gender)
  @IsEnum(Gender)
  gender: Gender;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. ML' })
  @UpperCase()
  @IsISO31661Alpha2(COUNTRY)
  country: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(120)
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(120)
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @LowerCase()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone must be a phone number such as +223 70 00 00 00' })
  phone?: string | null;
}

@InputType()
export class UpdateFellowInput extends PartialType(CreateFellowInput) {}

@InputType()
export class CohortFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', ID_FORMAT)
  programmeId?: string;

  @Field(() => CohortStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CohortStatus)
  status?: CohortStatus;
}

@InputType()
export class FellowFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', ID_FORMAT)
  cohortId?: string;

  @Field(() => Gender, { nullable: true })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender;

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(120)
  region?: string;

  @Field({ nullable: true, description: 'Part of the name or city, any case' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(120)
  search?: string;
}

@ArgsType()
export class CohortsArgs extends PageArgs {
  @Field(() => CohortFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CohortFilter)
  filter?: CohortFilter;
}

@ArgsType()
export class FellowsArgs extends PageArgs {
  @Field(() => FellowFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FellowFilter)
  filter?: FellowFilter;
}

@InputType()
export class UserFilter {
  @Field({ nullable: true, description: 'Part of the name or e-mail, any case' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(120)
  search?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => UserFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserFilter)
  filter?: UserFilter;
}
