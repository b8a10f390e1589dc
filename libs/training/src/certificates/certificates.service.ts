import { randomInt } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RequestContext } from '#access';
import { localDate, Role, SETTINGS, type Settings } from '#core';
import { Cohort, Enrollment, EnrollmentStatus, Fellow, Programme } from '#people';
import { JobQueue, type JobOutcome } from '#queue';
import { StorageService } from '#storage';
import { DataSource } from 'typeorm';
import { Certificate } from '../entities/index.js';
import { trainingError } from '../training.errors.js';
import { renderCertificate } from './certificate.pdf.js';

// Unambiguous characters only (no 0/O, 1/I/L): the code is read off paper and typed on a phone.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const newCode = (): string => {
  const chars = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `FS-${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
};
const normalizeCode = (code: string): string => code.trim().toUpperCase();

/** Certificates of completion: made by the worker when an enrollment graduates, verified by anyone by code. */
@Injectable()
export class CertificatesService {
  private readonly logger = new Logger(CertificatesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: StorageService,
    private readonly jobs: JobQueue,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /**
   * Makes the certificate of a graduated enrollment, once: a re-run finds it and stops, and two concurrent runs
   * leave one row (the unique enrollment id decides) and no orphan PDF.
   */
  async issue(enrollmentId: string): Promise<JobOutcome> {
    const enrollment = await this.dataSource.getRepository(Enrollment).findOneBy({ id: enrollmentId });
    if (!enrollment) return { status: 'skipped', reason: 'the enrollment no longer exists' };
    if (enrollment.status !== EnrollmentStatus.GRADUATED) return { status: 'skipped', reason: `the enrollment is ${enrollment.status}` };
    const existing = await this.dataSource.getRepository(Certificate).findOneBy({ enrollmentId });
    if (existing) return { status: 'skipped', reason: `certificate ${existing.code} was already issued` };

    const cohort = await this.dataSource.getRepository(Cohort).findOneByOrFail({ id: enrollment.cohortId });
    const programme = await this.dataSource.getRepository(Programme).findOneByOrFail({ id: cohort.programmeId });
    const fellow = await this.dataSource.getRepository(Fellow).findOneByOrFail({ id: enrollment.fellowId });
    const code = newCode();
    // The cohort's last day, unless she graduated before it (a certificate never shows a day still to come).
    const today = localDate(new Date(), cohort.timeZone);
    const completedOn = cohort.endDate && cohort.endDate < today ? cohort.endDate : today;
    const pdf = await renderCertificate({
      fellowName: fellow.fullName,
      programmeName: programme.name,
      cohortName: cohort.name,
      startedOn: cohort.startDate,
      completedOn,
      code,
      verifyUrl: `${this.settings.publicUrl}/certificates/${code}`,
    });
    const objectKey = this.storage.newKey('certificates', '.pdf');
    await this.storage.put(objectKey, pdf, 'application/pdf', pdf.length);
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Certificate)
      .values({
        enrollmentId,
        code,
        fellowName: fellow.fullName,
        programmeName: programme.name,
        cohortName: cohort.name,
        completedOn,
        objectKey,
      })
      .orIgnore()
      .returning('id')
      .execute();
    if ((inserted.raw as unknown[]).length === 0) {
      await this.storage.delete(objectKey);
      return { status: 'skipped', reason: 'another run issued the certificate first' };
    }
    this.logger.log({ enrollmentId, code }, 'Certificate issued');
    return { status: 'done', detail: { code } };
  }

  /** Queues the certificate of every graduated enrollment that has none; the job id keeps it to one job each. */
  async reconcile(): Promise<JobOutcome> {
    const missing: { id: string }[] = await this.dataSource.query(
      `SELECT e.id FROM enrollment e LEFT JOIN certificate c ON c.enrollment_id = e.id
        WHERE e.status = 'GRADUATED' AND c.id IS NULL LIMIT 1000`,
    );
    for (const { id } of missing) {
      const existing = await this.jobs.getJob('training.issue-certificate', `certificate:${id}`);
      // A finished job that made no certificate (it ran before the graduation was visible) is replaced.
      if (existing && ['completed', 'failed'].includes(await existing.getState())) await existing.remove();
      await this.jobs.add('training.issue-certificate', { enrollmentId: id }, { jobId: `certificate:${id}` });
    }
    return { status: 'done', detail: { queued: missing.length } };
  }

  /** A fellow's certificates: for the fellow themselves and managers. */
  async list(ctx: RequestContext, fellowId: string): Promise<Certificate[]> {
    if (!(await ctx.can('fellow.account', fellowId)))
      throw trainingError('NOT_VISIBLE', 'Certificates are shown to their fellow and to managers');
    return this.dataSource
      .getRepository(Certificate)
      .createQueryBuilder('certificate')
      .innerJoin(Enrollment, 'enrollment', 'enrollment.id = certificate.enrollment_id')
      .where('enrollment.fellowId = :fellowId', { fellowId })
      .orderBy('certificate.issuedAt', 'DESC')
      .getMany();
  }

  /** Public check of a printed code: only the name, programme, cohort and date. */
  verify(code: string): Promise<Certificate | null> {
    return this.dataSource.getRepository(Certificate).findOneBy({ code: normalizeCode(code) });
  }

  /** A 15-minute download link, for managers and the certificate's fellow. */
  async downloadUrl(ctx: RequestContext, certificate: Certificate): Promise<string | null> {
    const ownFellowId = ctx.actor.role === Role.FELLOW ? ctx.actor.fellowId : null;
    const allowed =
      ctx.seesAll ||
      (ownFellowId !== null &&
        (await this.dataSource.getRepository(Enrollment).existsBy({ id: certificate.enrollmentId, fellowId: ownFellowId })));
    if (!allowed) return null;
    return this.storage.signedGetUrl(certificate.objectKey, 900, `certificate-${certificate.code}.pdf`);
  }
}
