import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { FilmStage } from './enums.js';
import { Film } from './film.entity.js';

/** One move of a film from stage to stage, with who made it and why. */
@ObjectType()
@Entity()
@Index('ix_film_stage_change_film', ['filmId', 'changedAt'])
export class FilmStageChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  filmId: string;

  @ManyToOne(() => Film, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'film_id', foreignKeyConstraintName: 'fk_film_stage_change_film' })
  film?: Relation<Film>;

  @Field(() => FilmStage, { nullable: true })
  @Column({ type: 'enum', enum: FilmStage, enumName: 'film_stage_change_from', nullable: true })
  fromStage: FilmStage | null;

  @Field(() => FilmStage)
  @Column({ type: 'enum', enum: FilmStage, enumName: 'film_stage_change_to' })
  toStage: FilmStage;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  note: string | null;

  @Column('uuid', { nullable: true })
  changedById: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  changedAt: Date;
}
