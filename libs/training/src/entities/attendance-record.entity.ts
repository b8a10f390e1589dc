import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Fellow } from '#people';
import { AttendanceStatus } from './enums.js';
import { TrainingSession } from './training-session.entity.js';

/** A fellow's mark at one session: the current state; AttendanceChange keeps how it came to be. */
@ObjectType()
@Entity()
export class AttendanceRecord {
  @PrimaryColumn('uuid')
  sessionId: string;

  @PrimaryColumn('uuid')
  @Index('ix_attendance_record_fellow')
  fellowId: string;

  @ManyToOne(() => TrainingSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_attendance_record_session' })
  session?: Relation<TrainingSession>;

  @ManyToOne(() => Fellow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fellow_id', foreignKeyConstraintName: 'fk_attendance_record_fellow' })
  fellow?: Relation<Fellow>;

  @Field(() => AttendanceStatus)
  @Column({ type: 'enum', enum: AttendanceStatus, enumName: 'attendance_status' })
  status: AttendanceStatus;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  note: string | null;

  @Column('uuid', { nullable: true })
  recordedById: string | null;

  @Field()
  @Column('timestamptz')
  recordedAt: Date;
}
