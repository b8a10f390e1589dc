import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '#people';
import { TrainingSession } from './training-session.entity.js';

/** A trainer leading a session: what the double-booking rule looks at. */
@Entity()
export class SessionTrainer {
  @PrimaryColumn('uuid')
  sessionId: string;

  @PrimaryColumn('uuid')
  @Index('ix_session_trainer_user')
  userId: string;

  @ManyToOne(() => TrainingSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_session_trainer_session' })
  session?: Relation<TrainingSession>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_session_trainer_user' })
  user?: Relation<User>;
}
