import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { CreatedAt, UpdatedAt } from './columns.js';
import { Cohort } from './cohort.entity.js';
import { EnrollmentStatus } from './enums.js';
import { Fellow } from './fellow.entity.js';

@ObjectType()
@Entity()
@Unique('uq_enrollment_cohort_fellow', ['cohortId', 'fellowId'])
export class Enrollment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id', foreignKeyConstraintName: 'fk_enrollment_cohort' })
  cohort?: Relation<Cohort>;

  @Column('uuid')
  @Index('ix_enrollment_fellow')
  fellowId: string;

  @ManyToOne(() => Fellow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fellow_id', foreignKeyConstraintName: 'fk_enrollment_fellow' })
  fellow?: Relation<Fellow>;

  @Field(() => EnrollmentStatus)
  @Column({ type: 'enum', enum: EnrollmentStatus, enumName: 'enrollment_status', default: EnrollmentStatus.ENROLLED })
  status: EnrollmentStatus;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
