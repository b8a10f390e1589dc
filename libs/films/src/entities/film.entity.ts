import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
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
import { Cohort } from '#people';
import { FilmGenre, FilmStage } from './enums.js';

@ObjectType()
@Entity()
export class Film {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @Index('ix_film_cohort')
  cohortId: string;

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohort_id', foreignKeyConstraintName: 'fk_film_cohort' })
  cohort?: Relation<Cohort>;

  @Field()
  @Column('text')
  title: string;

  // Logline and synopsis are unpublished work: FilmFieldsResolver shows them to the film's people only.
  @Column('text', { nullable: true })
  logline: string | null;

  @Column('text', { nullable: true })
  synopsis: string | null;

  @Field(() => FilmGenre)
  @Column({ type: 'enum', enum: FilmGenre, enumName: 'film_genre' })
  genre: FilmGenre;

  @Field(() => [String])
  @Column('text', { array: true, default: () => "'{}'" })
  themes: string[];

  @Field(() => [String], { description: 'ISO 639 codes, e.g. bm, fr, son' })
  @Column('text', { array: true, default: () => "'{}'" })
  languages: string[];

  @Field(() => FilmStage)
  @Index('ix_film_stage')
  @Column({ type: 'enum', enum: FilmStage, enumName: 'film_stage', default: FilmStage.IDEA })
  stage: FilmStage;

  @Field(() => Int, { nullable: true, description: 'From the final cut, once processed' })
  @Column('int', { nullable: true })
  runtimeSeconds: number | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
