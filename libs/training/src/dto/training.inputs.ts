import { Field, ID, InputType } from '@nestjs/graphql';
import { Trim, TrimToNull } from '#core';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AttendanceStatus, FeedbackVisibility } from '../entities/index.js';

const ID_FORMAT = { message: '$property must be an id' };

@InputType()
export class CreateTrainingSessionInput {
  @Field(() => ID)
  @IsUUID('all', ID_FORMAT)
  cohortId: string;

  @Field()
  @Trim()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(120)
  topic?: string | null;

  @Field()
  @IsDate()
  startsAt: Date;

  @Field()
  @IsDate()
  endsAt: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(300)
  location?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Trainers assigned to the cohort; a trainer creating a session leads it by default' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, ...ID_FORMAT })
  trainerIds?: string[];
}

@InputType()
export class UpdateTrainingSessionInput {
  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(120)
  topic?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate()
  startsAt?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate()
  endsAt?: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(300)
  location?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, ...ID_FORMAT })
  trainerIds?: string[];
}

@InputType()
export class AttendanceInput {
  @Field(() => ID)
  @IsUUID('all', ID_FORMAT)
  fellowId: string;

  @Field(() => AttendanceStatus)
  @IsEnum(AttendanceStatus)
  status: AttendanceStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(1000)
  note?: string | null;
}

@InputType()
export class AddFeedbackNoteInput {
  @Field(() => ID)
  @IsUUID('all', ID_FORMAT)
  fellowId: string;

  @Field(() => ID)
  @IsUUID('all', ID_FORMAT)
  cohortId: string;

  @Field()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'body must not be empty' })
  @MaxLength(2000)
  body: string;

  @Field(() => FeedbackVisibility)
  @IsEnum(FeedbackVisibility)
  visibility: FeedbackVisibility;
}
