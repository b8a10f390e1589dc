import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CalendarDate } from '#core';
import { Currency } from './enums.js';
import { Funder } from './funder.entity.js';

// numeric columns arrive from node-postgres as strings.
const numeric = { to: (value: number) => value, from: (value: string) => Number(value) };

@ObjectType()
@Entity()
@Check('ck_grant_period', 'end_date >= start_date')
@Check('ck_grant_amount', 'amount > 0')
export class Grant {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @Index('ix_grant_funder')
  funderId: string;

  @ManyToOne(() => Funder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'funder_id', foreignKeyConstraintName: 'fk_grant_funder' })
  funder?: Relation<Funder>;

  @Field()
  @Column('text')
  title: string;

  @Field(() => Float)
  @Column('numeric', { precision: 14, scale: 2, transformer: numeric })
  amount: number;

  @Field(() => Currency)
  @Column({ type: 'enum', enum: Currency, enumName: 'currency', default: Currency.XOF })
  currency: Currency;

  @Field(() => CalendarDate)
  @Column('date')
  startDate: string;

  @Field(() => CalendarDate)
  @Column('date')
  endDate: string;

  @Field(() => [CalendarDate], { description: 'When reports are due to the funder' })
  @Column('date', { array: true, default: () => "'{}'" })
  reportingDueDates: string[];

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
