import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { headerKey, NOT_UTF8, notUtf8Lines, parseCsv, toCsv } from '#core';
import { isISO31661Alpha2, isEmail } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { Cohort, Enrollment, Fellow, Gender } from '../entities/index.js';
import { peopleError } from '../people.errors.js';

@ObjectType()
export class ImportError {
  @Field(() => Int, { description: 'Line of the file, the header being line 1' })
  line: number;

  @Field()
  reason: string;
}

@ObjectType()
export class FellowImportResult {
  @Field(() => Int, { description: 'New fellow profiles' })
  created: number;

  @Field(() => Int, { description: 'Rows that matched a fellow already known (by email or phone, else by name and city)' })
  matched: number;

  @Field(() => Int, { description: 'New enrollments in the cohort' })
  enrolled: number;

  @Field(() => [ImportError], { description: 'When not empty, nothing was stored' })
  errors: ImportError[];
}

/** Column names accepted, in English and French, compared without case or accents. */
const COLUMNS: Record<'fullName' | 'gender' | 'country' | 'city' | 'region' | 'email' | 'phone', string[]> = {
  fullName: ['fullname', 'name', 'nom', 'nomcomplet', 'prenometnom', 'nometprenom', 'nomprenom'],
  gender: ['gender', 'genre', 'sexe'],
  country: ['country', 'pays'],
  city: ['city', 'ville'],
  region: ['region'],
  email: ['email', 'courriel', 'mail', 'adresseemail'],
  phone: ['phone', 'telephone', 'tel', 'portable', 'mobile'],
};

const GENDERS: Record<string, Gender> = {
  f: Gender.FEMALE,
  female: Gender.FEMALE,
  femme: Gender.FEMALE,
  feminin: Gender.FEMALE,
  fille: Gender.FEMALE,
  m: Gender.MALE,
  h: Gender.MALE,
  male: Gender.MALE,
  homme: Gender.MALE,
  masculin: Gender.MALE,
  garcon: Gender.MALE,
  other: Gender.OTHER,
  autre: Gender.OTHER,
  '': Gender.UNDISCLOSED,
  undisclosed: Gender.UNDISCLOSED,
  nd: Gender.UNDISCLOSED,
  nonprecise: Gender.UNDISCLOSED,
};

const COUNTRIES: Record<string, string> = {
  mali: 'ML',
  niger: 'NE',
  burkinafaso: 'BF',
  senegal: 'SN',
  cotedivoire: 'CI',
  guinee: 'GN',
  mauritanie: 'MR',
};

interface FellowRow {
  line: number;
  fullName: string;
  gender: Gender;
  country: string;
  city: string | null;
  region: string | null;
  email: string | null;
  phone: string | null;
}

const digits = (phone: string): string => phone.replace(/\D/g, '');

/** Imports a cohort's fellows from CSV: every row is checked first, then all are stored or none. */
@Injectable()
export class FellowsImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async importFellows(cohortId: string, csv: string): Promise<FellowImportResult> {
    const cohort = await this.dataSource.getRepository(Cohort).findOneBy({ id: cohortId });
    if (!cohort) throw peopleError('COHORT_NOT_FOUND', `No cohort with id ${cohortId}`);
    const garbled = notUtf8Lines(csv);
    if (garbled.length) return { created: 0, matched: 0, enrolled: 0, errors: garbled.map((line) => ({ line, reason: NOT_UTF8 })) };
    const { headers, rows } = parseCsv(csv, headerKey);
    const column = (field: keyof typeof COLUMNS) => headers.find((h) => COLUMNS[field].includes(h));
    const missing = (['fullName', 'country'] as const).filter((field) => !column(field));
    if (missing.length) {
      return {
        created: 0,
        matched: 0,
        enrolled: 0,
        errors: [{ line: 1, reason: `Missing column: ${missing.map((f) => COLUMNS[f].slice(0, 3).join(' / ')).join(', ')}` }],
      };
    }
    const errors: ImportError[] = [];
    const valid: FellowRow[] = [];
    for (const { line, values } of rows) {
      const get = (field: keyof typeof COLUMNS) => {
        const key = column(field);
        return key ? (values[key] ?? '') : '';
      };
      const problems: string[] = [];
      const fullName = get('fullName');
      if (!fullName) problems.push('the name is empty');
      // The same limits as createFellow: a file must not store what the form would refuse.
      for (const [field, max] of [
        ['fullName', 200],
        ['city', 120],
        ['region', 120],
        ['email', 254],
      ] as const) {
        if (get(field).length > max) problems.push(`the ${field} is longer than ${max} characters`);
      }
      const gender = GENDERS[headerKey(get('gender'))];
      if (!gender) problems.push(`"${get('gender')}" is not a gender (F, M, Femme, Homme, Autre)`);
      const rawCountry = get('country');
      const country = COUNTRIES[headerKey(rawCountry)] ?? rawCountry.toUpperCase();
      if (!isISO31661Alpha2(country)) problems.push(`"${rawCountry}" is not a country (ISO code such as ML, NE, or Mali, Niger)`);
      const email = get('email').toLowerCase() || null;
      if (email && email.length <= 254 && !isEmail(email)) problems.push(`"${email}" is not an email address`);
      const phone = get('phone') || null;
      if (phone && !/^\+?[0-9 ()-]{6,20}$/.test(phone)) problems.push(`"${phone}" is not a phone number`);
      if (problems.length) errors.push({ line, reason: problems.join('; ') });
      else valid.push({ line, fullName, gender, country, city: get('city') || null, region: get('region') || null, email, phone });
    }
    if (rows.length === 0) errors.push({ line: 2, reason: 'The file has no fellow rows' });
    if (errors.length) return { created: 0, matched: 0, enrolled: 0, errors };

    return this.dataSource.transaction(async (manager) => {
      let created = 0;
      let matched = 0;
      let enrolled = 0;
      for (const row of valid) {
        let fellow = await this.match(manager, row);
        if (fellow) matched += 1;
        else {
          fellow = await manager.save(manager.create(Fellow, { ...row, archivedAt: null }));
          created += 1;
        }
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(Enrollment)
          .values({ cohortId, fellowId: fellow.id })
          .orIgnore()
          .returning('id')
          .execute();
        enrolled += (inserted.raw as unknown[]).length;
      }
      return { created, matched, enrolled, errors: [] };
    });
  }

  /** The fellows of a cohort as CSV, with the columns the import reads. */
  async exportFellows(cohortId: string): Promise<string> {
    const rows: {
      full_name: string;
      gender: string;
      country: string;
      city: string | null;
      region: string | null;
      email: string | null;
      phone: string | null;
      status: string;
    }[] = await this.dataSource.query(
      `SELECT f.full_name, f.gender, f.country, f.city, f.region, f.email, f.phone, e.status
           FROM enrollment e JOIN fellow f ON f.id = e.fellow_id WHERE e.cohort_id = $1 ORDER BY f.full_name`,
      [cohortId],
    );
    return toCsv(
      ['fullName', 'gender', 'country', 'city', 'region', 'email', 'phone', 'status'],
      rows.map((r) => [r.full_name, r.gender, r.country, r.city, r.region, r.email, r.phone, r.status]),
    );
  }

  private async match(manager: EntityManager, row: FellowRow): Promise<Fellow | null> {
    if (row.email) {
      const byEmail = await manager.findOneBy(Fellow, { email: row.email });
      if (byEmail) return byEmail;
    }
    if (row.phone) {
      const [byPhone] = await manager.query(
        "SELECT id FROM fellow WHERE regexp_replace(coalesce(phone, ''), '\\D', '', 'g') = $1 LIMIT 1",
        [digits(row.phone)],
      );
      if (byPhone) return manager.findOneByOrFail(Fellow, { id: byPhone.id });
    }
    const [byName] = await manager.query(
      "SELECT id FROM fellow WHERE lower(full_name) = lower($1) AND lower(coalesce(city, '')) = lower(coalesce($2, '')) LIMIT 1",
      [row.fullName, row.city],
    );
    return byName ? manager.findOneByOrFail(Fellow, { id: byName.id }) : null;
  }
}
