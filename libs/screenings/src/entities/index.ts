import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
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
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { CalendarDate } from '#core';
import { Film } from '#films';
import { User } from '#people';

export enum ScreeningType {
  COMMUNITY = 'COMMUNITY',
  DEBATE = 'DEBATE',
  FESTIVAL = 'FESTIVAL',
  SCHOOL = 'SCHOOL',
  ONLINE = 'ONLINE',
  JURY = 'JURY',
}

export enum ScreeningStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ScreeningType, { name: 'ScreeningType' });
registerEnumType(ScreeningStatus, { name: 'ScreeningStatus' });

@ObjectType()
@Entity()
export class Venue {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column('text')
  name: string;

  @Field()
  @Column('text')
  city: string;

  @Field(() => String, { nullable: true })
  @Index('ix_venue_region')
  @Column('text', { nullable: true })
  region: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  @Column('text')
  country: string;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  capacity: number | null;

  /** Local days of screenings held here are read in this zone. */
  @Field()
  @Column('text', { default: 'Africa/Bamako' })
  timeZone: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

@ObjectType()
@Entity()
@Check('ck_screening_times', 'ends_at > starts_at')
@Index('ix_screening_venue_time', ['venueId', 'startsAt'])
export class Screening {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column('text')
  title: string;

  @Field(() => ScreeningType)
  @Column({ type: 'enum', enum: ScreeningType, enumName: 'screening_type' })
  type: ScreeningType;

  @Field(() => ScreeningStatus)
  @Index('ix_screening_status')
  @Column({ type: 'enum', enum: ScreeningStatus, enumName: 'screening_status', default: ScreeningStatus.DRAFT })
  status: ScreeningStatus;

  @Column('uuid', { nullable: true })
  venueId: string | null;

  @ManyToOne(() => Venue, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id', foreignKeyConstraintName: 'fk_screening_venue' })
  venue?: Relation<Venue> | null;

  @Field()
  @Index('ix_screening_starts_at')
  @Column('timestamptz')
  startsAt: Date;

  @Field({ description: 'May span several days' })
  @Column('timestamptz')
  endsAt: Date;

  @Field(() => [String], { description: 'Partner organisations' })
  @Column('text', { array: true, default: () => "'{}'" })
  hosts: string[];

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  cancellationReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** A film in a screening's programme, at its place in the running order. */
@Entity()
export class ScreeningFilm {
  @PrimaryColumn('uuid')
  screeningId: string;

  @PrimaryColumn('uuid')
  @Index('ix_screening_film_film')
  filmId: string;

  @Column('smallint')
  position: number;

  @ManyToOne(() => Screening, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'screening_id', foreignKeyConstraintName: 'fk_screening_film_screening' })
  screening?: Relation<Screening>;

  @ManyToOne(() => Film, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'film_id', foreignKeyConstraintName: 'fk_screening_film_film' })
  film?: Relation<Film>;
}

/** The current attendance figures of one day of a screening (the latest submission for that day). */
@Entity()
@Check('ck_screening_day_counts', 'female + male <= total AND under18 <= total AND female >= 0 AND male >= 0 AND under18 >= 0')
export class ScreeningDay {
  @PrimaryColumn('uuid')
  screeningId: string;

  @PrimaryColumn('date')
  day: string;

  @ManyToOne(() => Screening, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'screening_id', foreignKeyConstraintName: 'fk_screening_day_screening' })
  screening?: Relation<Screening>;

  @Column('int')
  total: number;

  @Column('int')
  female: number;

  @Column('int')
  male: number;

  @Column('int')
  under18: number;

  @Column('uuid')
  submissionId: string;

  @Column('timestamptz')
  submittedAt: Date;
}

/**
 * Every attendance submission as it came in: the audit trail of the daily figures. The idempotency key makes a
 * retried submission (a phone resending after a dropped answer) change nothing.
 */
@Entity()
@Index('ix_attendance_submission_screening', ['screeningId', 'day'])
export class AttendanceSubmission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_attendance_submission_key', { unique: true })
  @Column('text')
  idempotencyKey: string;

  @Column('uuid')
  screeningId: string;

  @ManyToOne(() => Screening, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'screening_id', foreignKeyConstraintName: 'fk_attendance_submission_screening' })
  screening?: Relation<Screening>;

  @Column('date')
  day: string;

  @Column('int')
  total: number;

  @Column('int')
  female: number;

  @Column('int')
  male: number;

  @Column('int')
  under18: number;

  @Column('uuid', { nullable: true })
  submittedById: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by_id', foreignKeyConstraintName: 'fk_attendance_submission_user' })
  submittedBy?: Relation<User> | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  submittedAt: Date;
}

@ObjectType()
export class AttendanceCount {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  female: number;

  @Field(() => Int)
  male: number;

  @Field(() => Int)
  under18: number;
}

@ObjectType()
export class DailyAttendance {
  @Field(() => CalendarDate)
  day: string;

  @Field(() => AttendanceCount)
  count: AttendanceCount;

  @Field({ description: 'More people than the venue holds: accepted, but worth a second look' })
  overCapacity: boolean;
}

export const SCREENINGS_ENTITIES = [Venue, Screening, ScreeningFilm, ScreeningDay, AttendanceSubmission];
