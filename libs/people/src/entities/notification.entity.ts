import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { User } from './user.entity.js';

/**
 * A message to one user about one thing (`kind` + `subjectId`, e.g. a screening starting tomorrow). The unique
 * key makes a notification once per user, kind and subject, however often a job raises it.
 */
@ObjectType()
@Entity()
@Unique('uq_notification_user_kind_subject', ['userId', 'kind', 'subjectId'])
@Index('ix_notification_user_open', ['userId', 'createdAt'], { where: 'dismissed_at IS NULL' })
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_user' })
  user?: Relation<User>;

  @Field({ description: 'e.g. SCREENING_TOMORROW, SCREENING_ATTENDANCE_MISSING' })
  @Column('text')
  kind: string;

  @Field(() => ID, { description: 'What it is about, e.g. the screening' })
  @Column('uuid')
  subjectId: string;

  @Field()
  @Column('text')
  message: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  dismissedAt: Date | null;
}
