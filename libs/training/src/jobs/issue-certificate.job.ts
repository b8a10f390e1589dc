import { Injectable } from '@nestjs/common';
import type { JobHandler, JobOutcome, JobPayloads } from '#queue';
import { CertificatesService } from '../certificates/certificates.service.js';

/** Makes the certificate of a graduated enrollment (queued when the enrollment becomes GRADUATED). */
@Injectable()
export class IssueCertificateJob implements JobHandler<'training.issue-certificate'> {
  readonly jobName = 'training.issue-certificate' as const;

  constructor(private readonly certificates: CertificatesService) {}

  handle({ enrollmentId }: JobPayloads['training.issue-certificate']): Promise<JobOutcome> {
    return this.certificates.issue(enrollmentId);
  }
}

@Injectable()
export class ReconcileCertificatesJob implements JobHandler<'training.reconcile-certificates'> {
  readonly jobName = 'training.reconcile-certificates' as const;

  constructor(private readonly certificates: CertificatesService) {}

  handle(): Promise<JobOutcome> {
    return this.certificates.reconcile();
  }
}
