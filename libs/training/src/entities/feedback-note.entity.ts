import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Cohort, Fellow, User } from '#people';
import { FeedbackVisibility } from './enums.js';

/** A trainer's note on a fellow's progress; SHARED notes are shown to the fellow, PRIVATE ones are not. */
@ObjectType()
@Entity()
@Index('ix_feedback_note_fellow', ['fellowId', 'createdAt'])
export class FeedbackNote {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  fellowId: string;

  @ManyToOne(() => Fellow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fellow_id', foreignKeyConstraintName: 'fk_feedback_note_fellow' })
  fellow?: Relation<Fellow>;

  @Column('uuid')
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id', foreignKeyConstraintName: 'fk_feedback_note_cohort' })
  cohort?: Relation<Cohort>;

  @Column('uuid', { nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_feedback_note_author' })
  author?: Relation<User> | null;

  @Field()
  @Column('text')
  body: string;

  @Field(() => FeedbackVisibility)
  @Column({ type: 'enum', enum: FeedbackVisibility, enumName: 'feedback_visibility' })
  visibility: FeedbackVisibility;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
