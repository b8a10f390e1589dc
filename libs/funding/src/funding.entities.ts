import { Field, Float, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CalendarDate } from '#core';
import { Programme } from '#people';

export enum FunderKind {
  EMBASSY = 'EMBASSY',
  FOUNDATION = 'FOUNDATION',
  UN_AGENCY = 'UN_AGENCY',
  NGO = 'NGO',
  GOVERNMENT = 'GOVERNMENT',
  COMPANY = 'COMPANY',
  OTHER = 'OTHER',
}

export enum Currency {
  XOF = 'XOF',
  EUR = 'EUR',
  USD = 'USD',
}

registerEnumType(FunderKind, { name: 'FunderKind' });
registerEnumType(Currency, { name: 'Currency' });

// numeric columns arrive from node-postgres as strings.
const numeric = { to: (value: number) => value, from: (value: string) => Number(value) };

@ObjectType()
@Entity()
export class Funder {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Index('uq_funder_name', { unique: true })
  @Column('text')
  name: string;

  @Field(() => FunderKind)
  @Column({ type: 'enum', enum: FunderKind, enumName: 'funder_kind' })
  kind: FunderKind;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

@ObjectType()
@Entity()
@Check('ck_grant_period', 'end_date >= start_date')
@Check('ck_grant_amount', 'amount > 0')
export class Grant {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @Index('ix_grant_funder')
  funderId: string;

  @ManyToOne(() => Funder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'funder_id', foreignKeyConstraintName: 'fk_grant_funder' })
  funder?: Relation<Funder>;

  @Field()
  @Column('text')
  title: string;

  @Field(() => Float)
  @Column('numeric', { precision: 14, scale: 2, transformer: numeric })
  amount: number;

  @Field(() => Currency)
  @Column({ type: 'enum', enum: Currency, enumName: 'currency', default: Currency.XOF })
  currency: Currency;

  @Field(() => CalendarDate)
  @Column('date')
  startDate: string;

  @Field(() => CalendarDate)
  @Column('date')
  endDate: string;

  @Field(() => [CalendarDate], { description: 'When reports are due to the funder' })
  @Column('date', { array: true, default: () => "'{}'" })
  reportingDueDates: string[];

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** A programme funded by a grant. */
@Entity()
export class GrantProgramme {
  @PrimaryColumn('uuid')
  grantId: string;

  @PrimaryColumn('uuid')
  @Index('ix_grant_programme_programme')
  programmeId: string;

  @ManyToOne(() => Grant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'grant_id', foreignKeyConstraintName: 'fk_grant_programme_grant' })
  grant?: Relation<Grant>;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_grant_programme_programme' })
  programme?: Relation<Programme>;
}

export const FUNDING_ENTITIES = [Funder, Grant, GrantProgramme];

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
