import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CreatedAt } from './columns.js';
import { Cohort } from './cohort.entity.js';
import { User } from './user.entity.js';

/** A trainer assigned to a cohort: what lets that trainer see the cohort and its fellows. */
@Entity()
export class CohortTrainer {
  @PrimaryColumn('uuid')
  cohortId: string;

  @PrimaryColumn('uuid')
  @Index('ix_cohort_trainer_user')
  userId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id', foreignKeyConstraintName: 'fk_cohort_trainer_cohort' })
  cohort?: Relation<Cohort>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_cohort_trainer_user' })
  user?: Relation<User>;

  @CreatedAt()
  createdAt: Date;
}
