import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role } from '#core';
import type { AccessScope } from '#people';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { FilmDirector, type Film } from './entities/index.js';

const NIL = '00000000-0000-0000-0000-000000000000';

/**
 * Who sees and works on a film: its directors, the trainers of its cohort, managers and admins. The same rule
 * governs reading the film, editing it, uploading to it and viewing its files.
 */
@Injectable()
export class FilmAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async canWorkOn(scope: AccessScope, film: Pick<Film, 'id' | 'cohortId'>): Promise<boolean> {
    if (scope.seesAll) return true;
    if (scope.actor.role === Role.TRAINER) return scope.canTeach(film.cohortId);
    if (scope.actor.role === Role.FELLOW && scope.actor.fellowId) {
      return this.dataSource.getRepository(FilmDirector).existsBy({ filmId: film.id, fellowId: scope.actor.fellowId });
    }
    return false;
  }

  restrict<T extends ObjectLiteral>(scope: AccessScope, query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    if (scope.seesAll) return query;
    const alias = query.alias;
    if (scope.actor.role === Role.TRAINER) {
      return query.andWhere(`${alias}.cohort_id IN (SELECT ct.cohort_id FROM cohort_trainer ct WHERE ct.user_id = :accessUserId)`, {
        accessUserId: scope.actor.id,
      });
    }
    return query.andWhere(`${alias}.id IN (SELECT fd.film_id FROM film_director fd WHERE fd.fellow_id = :accessFellowId)`, {
      accessFellowId: scope.actor.fellowId ?? NIL,
    });
  }
}
