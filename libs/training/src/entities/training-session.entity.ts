import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Cohort } from '#people';
import { SessionStatus } from './enums.js';

@ObjectType()
@Entity()
@Check('ck_training_session_times', 'ends_at > starts_at')
@Index('ix_training_session_cohort_start', ['cohortId', 'startsAt'])
export class TrainingSession {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id', foreignKeyConstraintName: 'fk_training_session_cohort' })
  cohort?: Relation<Cohort>;

  @Field()
  @Column('text')
  title: string;

  @Field(() => String, {
    nullable: true,
    description: 'scriptwriting, directing, camera, sound, editing, production, advocacy, or free text',
  })
  @Column('text', { nullable: true })
  topic: string | null;

  @Field()
  @Column('timestamptz')
  startsAt: Date;

  @Field()
  @Column('timestamptz')
  endsAt: Date;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  location: string | null;

  @Field(() => SessionStatus)
  @Column({ type: 'enum', enum: SessionStatus, enumName: 'session_status', default: SessionStatus.SCHEDULED })
  status: SessionStatus;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  cancellationReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
