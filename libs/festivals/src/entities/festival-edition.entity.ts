import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { CalendarDate } from '#core';
import { Festival } from './festival.entity.js';

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
