import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '#people';
import { AttendanceStatus } from './enums.js';
import { TrainingSession } from './training-session.entity.js';

/** One change of one fellow's mark: who changed what, and when. Written only when something changed. */
@ObjectType()
@Entity()
@Index('ix_attendance_change_session', ['sessionId', 'changedAt'])
export class AttendanceChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  sessionId: string;

  @ManyToOne(() => TrainingSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_attendance_change_session' })
  session?: Relation<TrainingSession>;

  @Field(() => ID)
  @Column('uuid')
  fellowId: string;

  @Field(() => AttendanceStatus, { nullable: true, description: 'null when the fellow had no mark before' })
  @Column({ type: 'enum', enum: AttendanceStatus, enumName: 'attendance_change_from', nullable: true })
  fromStatus: AttendanceStatus | null;

  @Field(() => AttendanceStatus, { nullable: true, description: 'null when the mark was removed from the roll call' })
  @Column({ type: 'enum', enum: AttendanceStatus, enumName: 'attendance_change_to', nullable: true })
  toStatus: AttendanceStatus | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  fromNote: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  toNote: string | null;

  @Column('uuid', { nullable: true })
  changedById: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'changed_by_id', foreignKeyConstraintName: 'fk_attendance_change_user' })
  changedBy?: Relation<User> | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  changedAt: Date;
}
