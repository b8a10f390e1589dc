import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Film } from '#films';
import { Screening } from './screening.entity.js';

/** A film in a screening's programme, at its place in the running order. */
@Entity()
export class ScreeningFilm {
  @PrimaryColumn('uuid')
  screeningId: string;

  @PrimaryColumn('uuid')
  @Index('ix_screening_film_film')
  filmId: string;

  @Column('smallint')
  position: number;

  @ManyToOne(() => Screening, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'screening_id', foreignKeyConstraintName: 'fk_screening_film_screening' })
  screening?: Relation<Screening>;

  @ManyToOne(() => Film, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'film_id', foreignKeyConstraintName: 'fk_screening_film_film' })
  film?: Relation<Film>;
}
