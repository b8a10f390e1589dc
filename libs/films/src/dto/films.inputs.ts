import { ArgsType, Field, Float, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs, Trim, TrimToNull } from '#core';
import { AssetKind, FilmGenre, FilmStage } from '../entities/index.js';

const lowerEach = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? [...new Set(value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)))] : value,
  );
const ID_FORMAT = { message: '$property must be an id' };

@InputType()
export class CreateFilmInput {
  @Field(() => ID)
  @IsUUID('all', ID_FORMAT)
  cohortId: string;

  @Field()
  @Trim()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @Field(() => FilmGenre)
  @IsEnum(FilmGenre)
  genre: FilmGenre;

  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1, { message: 'a film has at least one director' })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, ...ID_FORMAT })
  directorIds: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(500)
  logline?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(5000)
  synopsis?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @lowerEach()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  themes?: string[];

  @Field(() => [String], { nullable: true, description: 'ISO 639 codes, e.g. bm, fr, son' })
  @IsOptional()
  @lowerEach()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2,3}$/, { each: true, message: 'languages are ISO 639 codes such as bm, fr or son' })
  languages?: string[];
}

@InputType()
export class UpdateFilmInput extends PartialType(OmitType(CreateFilmInput, ['cohortId', 'directorIds'] as const)) {}

@InputType()
export class FilmFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', ID_FORMAT)
  cohortId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', ID_FORMAT)
  programmeId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', ID_FORMAT)
  directorId?: string;

  @Field(() => FilmStage, { nullable: true })
  @IsOptional()
  @IsEnum(FilmStage)
  stage?: FilmStage;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MaxLength(80)
  theme?: string;
}

@ArgsType()
export class FilmsArgs extends PageArgs {
  @Field(() => FilmFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FilmFilter)
  filter?: FilmFilter;
}

@InputType()
export class StartFilmUploadInput {
  @Field(() => ID)
  @IsUUID('all', ID_FORMAT)
  filmId: string;

  @Field(() => AssetKind)
  @IsEnum(AssetKind)
  kind: AssetKind;

  @Field()
  @Trim()
  @IsNotEmpty({ message: 'fileName must not be empty' })
  @MaxLength(255)
  fileName: string;

  @Field(() => Float, { description: 'Bytes' })
  @IsInt({ message: 'byteSize is a whole number of bytes' })
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  byteSize: number;

  @Field()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MaxLength(100)
  contentType: string;
}
