import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from './columns.js';

@ObjectType()
@Entity()
export class Programme {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  description: string | null;

  /** ISO 3166-1 alpha-2 codes, e.g. ML, NE. */
  @Field(() => [String])
  @Column('text', { array: true, default: () => "'{}'" })
  countries: string[];

  @Field(() => Date, { nullable: true, description: 'Set when archived; archived programmes leave the lists' })
  @Column('timestamptz', { nullable: true })
  archivedAt: Date | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
