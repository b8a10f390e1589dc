import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CalendarDate } from '#core';
import { CreatedAt, UpdatedAt } from './columns.js';
import { CohortStatus } from './enums.js';
import { Programme } from './programme.entity.js';

@ObjectType()
@Entity()
@Check('ck_cohort_dates', 'end_date IS NULL OR start_date IS NULL OR end_date >= start_date')
export class Cohort {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @Index('ix_cohort_programme')
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_cohort_programme' })
  programme?: Relation<Programme>;

  @Field()
  @Column('text')
  name: string;

  @Field(() => CalendarDate, { nullable: true })
  @Column('date', { nullable: true })
  startDate: string | null;

  @Field(() => CalendarDate, { nullable: true })
  @Column('date', { nullable: true })
  endDate: string | null;

  @Field(() => CohortStatus)
  @Column({ type: 'enum', enum: CohortStatus, enumName: 'cohort_status', default: CohortStatus.PLANNED })
  status: CohortStatus;

  /** IANA zone where the cohort trains; local dates (sessions, certificates) are read in it. */
  @Field()
  @Column('text', { default: 'Africa/Bamako' })
  timeZone: string;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  archivedAt: Date | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
