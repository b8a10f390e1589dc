import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Film } from '#films';
import { EntryStatus } from './enums.js';
import { FestivalEdition } from './festival-edition.entity.js';

@ObjectType()
@Entity()
@Unique('uq_festival_entry_film_edition', ['filmId', 'editionId'])
export class FestivalEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @Index('ix_festival_entry_film')
  filmId: string;

  @ManyToOne(() => Film, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'film_id', foreignKeyConstraintName: 'fk_festival_entry_film' })
  film?: Relation<Film>;

  @Column('uuid')
  @Index('ix_festival_entry_edition')
  editionId: string;

  @ManyToOne(() => FestivalEdition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id', foreignKeyConstraintName: 'fk_festival_entry_edition' })
  edition?: Relation<FestivalEdition>;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  category: string | null;

  @Field(() => EntryStatus)
  @Column({ type: 'enum', enum: EntryStatus, enumName: 'entry_status', default: EntryStatus.DRAFT })
  status: EntryStatus;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
