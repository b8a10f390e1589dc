import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { ScreeningStatus, ScreeningType } from './enums.js';
import { Venue } from './venue.entity.js';

@ObjectType()
@Entity()
@Check('ck_screening_times', 'ends_at > starts_at')
@Index('ix_screening_venue_time', ['venueId', 'startsAt'])
export class Screening {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column('text')
  title: string;

  @Field(() => ScreeningType)
  @Column({ type: 'enum', enum: ScreeningType, enumName: 'screening_type' })
  type: ScreeningType;

  @Field(() => ScreeningStatus)
  @Index('ix_screening_status')
  @Column({ type: 'enum', enum: ScreeningStatus, enumName: 'screening_status', default: ScreeningStatus.DRAFT })
  status: ScreeningStatus;

  @Column('uuid', { nullable: true })
  venueId: string | null;

  @ManyToOne(() => Venue, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id', foreignKeyConstraintName: 'fk_screening_venue' })
  venue?: Relation<Venue> | null;

  @Field()
  @Index('ix_screening_starts_at')
  @Column('timestamptz')
  startsAt: Date;

  @Field({ description: 'May span several days' })
  @Column('timestamptz')
  endsAt: Date;

  @Field(() => [String], { description: 'Partner organisations' })
  @Column('text', { array: true, default: () => "'{}'" })
  hosts: string[];

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  cancellationReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
