import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType()
@Entity()
export class Venue {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column('text')
  name: string;

  @Field()
  @Column('text')
  city: string;

  @Field(() => String, { nullable: true })
  @Index('ix_venue_region')
  @Column('text', { nullable: true })
  region: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  @Column('text')
  country: string;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  capacity: number | null;

  /** Local days of screenings held here are read in this zone. */
  @Field()
  @Column('text', { default: 'Africa/Bamako' })
  timeZone: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
