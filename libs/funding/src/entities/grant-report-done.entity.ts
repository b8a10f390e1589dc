import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '#people';
import { Grant } from './grant.entity.js';

/** A report due to a funder that a manager marked sent: one row per grant and due date, with who and when. */
@Entity()
export class GrantReportDone {
  @PrimaryColumn('uuid')
  grantId: string;

  @PrimaryColumn('date')
  dueOn: string;

  @ManyToOne(() => Grant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'grant_id', foreignKeyConstraintName: 'fk_grant_report_done_grant' })
  grant?: Relation<Grant>;

  /** Who marked it; kept empty if that account is ever removed. */
  @Column('uuid', { nullable: true })
  doneById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'done_by_id', foreignKeyConstraintName: 'fk_grant_report_done_user' })
  doneBy?: Relation<User> | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  doneAt: Date;
}
