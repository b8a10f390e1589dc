import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Programme } from '#people';
import { Grant } from './grant.entity.js';

/** A programme funded by a grant. */
@Entity()
export class GrantProgramme {
  @PrimaryColumn('uuid')
  grantId: string;

  @PrimaryColumn('uuid')
  @Index('ix_grant_programme_programme')
  programmeId: string;

  @ManyToOne(() => Grant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'grant_id', foreignKeyConstraintName: 'fk_grant_programme_grant' })
  grant?: Relation<Grant>;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_grant_programme_programme' })
  programme?: Relation<Programme>;
}
