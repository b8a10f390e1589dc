import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Screening } from './screening.entity.js';

/** The current attendance figures of one day of a screening (the latest submission for that day). */
@Entity()
@Check('ck_screening_day_counts', 'female + male <= total AND under18 <= total AND female >= 0 AND male >= 0 AND under18 >= 0')
export class ScreeningDay {
  @PrimaryColumn('uuid')
  screeningId: string;

  @PrimaryColumn('date')
  day: string;

  @ManyToOne(() => Screening, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'screening_id', foreignKeyConstraintName: 'fk_screening_day_screening' })
  screening?: Relation<Screening>;

  @Column('int')
  total: number;

  @Column('int')
  female: number;

  @Column('int')
  male: number;

  @Column('int')
  under18: number;

  @Column('uuid')
  submissionId: string;

  @Column('timestamptz')
  submittedAt: Date;
}
