import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CalendarDate } from '#core';
import { Enrollment } from '#people';

/**
 * A certificate of completion, one per graduated enrollment. The names are copied at issue time: a certificate
 * states what was true when it was issued, even if a programme is renamed later.
 */
@ObjectType()
@Entity()
export class Certificate {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_certificate_enrollment', { unique: true })
  @Column('uuid')
  enrollmentId: string;

  @OneToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'fk_certificate_enrollment' })
  enrollment?: Relation<Enrollment>;

  @Field({ description: 'Printed on the certificate; anyone can check it with verifyCertificate' })
  @Index('uq_certificate_code', { unique: true })
  @Column('text')
  code: string;

  @Field()
  @Column('text')
  fellowName: string;

  @Field()
  @Column('text')
  programmeName: string;

  @Field()
  @Column('text')
  cohortName: string;

  @Field(() => CalendarDate, { description: 'Completion date, in the cohort’s time zone' })
  @Column('date')
  completedOn: string;

  @Column('text')
  objectKey: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  issuedAt: Date;
}
