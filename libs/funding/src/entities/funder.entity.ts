import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { FunderKind } from './enums.js';

@ObjectType()
@Entity()
export class Funder {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Index('uq_funder_name', { unique: true })
  @Column('text')
  name: string;

  @Field(() => FunderKind)
  @Column({ type: 'enum', enum: FunderKind, enumName: 'funder_kind' })
  kind: FunderKind;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
