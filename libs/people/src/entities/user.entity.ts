import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Role } from '#core';
import { CreatedAt, UpdatedAt } from './columns.js';
import { Fellow } from './fellow.entity.js';

/** An account that can sign in. A FELLOW account is linked to its fellow profile. */
@ObjectType()
@Entity('user_account')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; unique. Resolved by UserFieldsResolver, which checks who may see it. */
  @Index('uq_user_account_email', { unique: true })
  @Column('text')
  email: string;

  @Field()
  @Column('text')
  fullName: string;

  @Field(() => Role)
  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role: Role;

  @Column('text')
  passwordHash: string;

  @Column('uuid', { nullable: true })
  fellowId: string | null;

  @OneToOne(() => Fellow, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ foreignKeyConstraintName: 'fk_user_account_fellow', name: 'fellow_id' })
  @Index('uq_user_account_fellow', { unique: true, where: 'fellow_id IS NOT NULL' })
  fellow?: Relation<Fellow> | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
