import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { CalendarDate } from '#core';
import { Film } from '#films';
import { User } from '#people';
import { EntryStatus } from './enums.js';

@ObjectType()
@Entity()
export class Festival {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column('text')
  name: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  @Column('text')
  country: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  website: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

@ObjectType()
@Entity()
@Unique('uq_festival_edition_year', ['festivalId', 'year'])
@Check('ck_festival_edition_dates', 'end_date IS NULL OR start_date IS NULL OR end_date >= start_date')
export class FestivalEdition {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  festivalId: string;

  @ManyToOne(() => Festival, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'festival_id', foreignKeyConstraintName: 'fk_festival_edition_festival' })
  festival?: Relation<Festival>;

  @Field(() => Int)
  @Column('int')
  year: number;

  @Field(() => CalendarDate, { nullable: true })
  @Column('date', { nullable: true })
  startDate: string | null;

  @Field(() => CalendarDate, { nullable: true })
  @Column('date', { nullable: true })
  endDate: string | null;

  @Field(() => CalendarDate, { nullable: true })
  @Column('date', { nullable: true })
  submissionDeadline: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

@ObjectType()
@Entity()
@Unique('uq_festival_entry_film_edition', ['filmId', 'editionId'])
export class FestivalEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @Index('ix_festival_entry_film')
  filmId: string;

  @ManyToOne(() => Film, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'film_id', foreignKeyConstraintName: 'fk_festival_entry_film' })
  film?: Relation<Film>;

  @Column('uuid')
  @Index('ix_festival_entry_edition')
  editionId: string;

  @ManyToOne(() => FestivalEdition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id', foreignKeyConstraintName: 'fk_festival_entry_edition' })
  edition?: Relation<FestivalEdition>;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  category: string | null;

  @Field(() => EntryStatus)
  @Column({ type: 'enum', enum: EntryStatus, enumName: 'entry_status', default: EntryStatus.DRAFT })
  status: EntryStatus;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

@ObjectType()
@Entity()
@Index('ix_entry_status_change_entry', ['entryId', 'at'])
export class EntryStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  entryId: string;

  @ManyToOne(() => FestivalEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'fk_entry_status_change_entry' })
  entry?: Relation<FestivalEntry>;

  @Field(() => EntryStatus, { nullable: true })
  @Column({ type: 'enum', enum: EntryStatus, enumName: 'entry_status_change_from', nullable: true })
  from: EntryStatus | null;

  @Field(() => EntryStatus)
  @Column({ type: 'enum', enum: EntryStatus, enumName: 'entry_status_change_to' })
  to: EntryStatus;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Column('uuid', { nullable: true })
  byId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'by_id', foreignKeyConstraintName: 'fk_entry_status_change_by' })
  by?: Relation<User> | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  note: string | null;
}

@ObjectType()
@Entity()
export class Award {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @Index('ix_award_entry')
  entryId: string;

  @ManyToOne(() => FestivalEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'fk_award_entry' })
  entry?: Relation<FestivalEntry>;

  @Field({ description: 'e.g. "Premier prix"' })
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  category: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

export * from './enums.js';
export const FESTIVALS_ENTITIES = [Festival, FestivalEdition, FestivalEntry, EntryStatusChange, Award];
