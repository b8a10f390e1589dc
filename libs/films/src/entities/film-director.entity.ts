import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Fellow } from '#people';
import { Film } from './film.entity.js';

/** A fellow directing a film; `position` keeps the credited order. */
@Entity()
export class FilmDirector {
  @PrimaryColumn('uuid')
  filmId: string;

  @PrimaryColumn('uuid')
  @Index('ix_film_director_fellow')
  fellowId: string;

  @Column('smallint', { default: 0 })
  position: number;

  @ManyToOne(() => Film, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'film_id', foreignKeyConstraintName: 'fk_film_director_film' })
  film?: Relation<Film>;

  @ManyToOne(() => Fellow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fellow_id', foreignKeyConstraintName: 'fk_film_director_fellow' })
  fellow?: Relation<Fellow>;
}
