import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Role } from '#core';
import { Fellow, User } from '#people';

/**
 * A pending invitation. Only the SHA-256 of its token is stored: the token itself is shown once, to the
 * person who invited, and a database leak does not let anyone accept it.
 */
@Entity()
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  @Index('ix_invitation_email')
  email: string;

  @Column('text')
  fullName: string;

  // Its own enum type: TypeORM's generator writes a shared enum type twice.
  @Column({ type: 'enum', enum: Role, enumName: 'invitation_role' })
  role: Role;

  @Column('uuid', { nullable: true })
  fellowId: string | null;

  @ManyToOne(() => Fellow, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fellow_id', foreignKeyConstraintName: 'fk_invitation_fellow' })
  fellow?: Relation<Fellow> | null;

  @Index('uq_invitation_token_hash', { unique: true })
  @Column('text')
  tokenHash: string;

  @Column('timestamptz')
  expiresAt: Date;

  /** Set when accepted or replaced by a newer invitation: either way the token no longer works. */
  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @Column('uuid', { nullable: true })
  invitedById: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_id', foreignKeyConstraintName: 'fk_invitation_invited_by' })
  invitedBy?: Relation<User> | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
