import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from './columns.js';
import { Gender } from './enums.js';

/**
 * A fellow's profile; it may exist without an account (many fellows never sign in). Anyone who reaches a fellow
 * (a director in a public screening's programme) sees the name, gender and country; the rest checks access.
 */
@ObjectType()
@Entity()
export class Fellow {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column('text')
  fullName: string;

  @Field(() => Gender)
  @Column({ type: 'enum', enum: Gender, enumName: 'gender' })
  gender: Gender;

  // City, region, contact and archive date are resolved in FellowFieldsResolver: each checks its own access.
  @Column('text', { nullable: true })
  city: string | null;

  @Column('text', { nullable: true })
  @Index('ix_fellow_region')
  region: string | null;

  /** ISO 3166-1 alpha-2. */
  @Field()
  @Column('text')
  country: string;

  @Index('uq_fellow_email', { unique: true, where: 'email IS NOT NULL' })
  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('timestamptz', { nullable: true })
  archivedAt: Date | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
