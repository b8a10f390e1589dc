import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '#people';
import { Screening } from './screening.entity.js';

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
