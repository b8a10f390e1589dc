import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from './columns.js';
import { Gender } from './enums.js';

/** A fellow's profile; it may exist without an account (many fellows never sign in). */
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

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  @Index('ix_fellow_region')
  region: string | null;

  /** ISO 3166-1 alpha-2. */
  @Field()
  @Column('text')
  country: string;

  /** Contact details: shown to managers and the cohort's trainers only (see the fields resolver). */
  @Index('uq_fellow_email', { unique: true, where: 'email IS NOT NULL' })
  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  archivedAt: Date | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
