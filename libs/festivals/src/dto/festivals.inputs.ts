import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsISO31661Alpha2, IsNotEmpty, IsOptional, IsUrl, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CalendarDate, Trim, TrimToNull } from '#core';

const ID_FORMAT = { message: '$property must be an id' };

@InputType()
export class CreateFestivalInput {
  @Field()
  @Trim()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. CI' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'country is an ISO 3166-1 alpha-2 code, e.g. CI' })
  country: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(120)
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsUrl({ require_protocol: true }, { message: 'website must be a URL such as https://example.org' })
  @MaxLength(2000)
  website?: string | null;
}

@InputType()
export class CreateFestivalEditionInput {
  @Field(() => ID)
  @IsUUID('all', ID_FORMAT)
  festivalId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1950)
  @Max(2100)
  year: number;

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  startDate?: string | null;

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  endDate?: string | null;

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  submissionDeadline?: string | null;
}

@InputType()
export class CreateFestivalEntryInput {
  @Field(() => ID)
  @IsUUID('all', ID_FORMAT)
  filmId: string;

  @Field(() => ID)
  @IsUUID('all', ID_FORMAT)
  editionId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(200)
  category?: string | null;
}
