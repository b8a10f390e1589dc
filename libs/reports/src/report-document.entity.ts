import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CalendarDate } from '#core';
import { ExportDataset } from './exports/export-dataset.enum.js';

export enum DocumentKind {
  IMPACT_REPORT = 'IMPACT_REPORT',
  DATASET_EXPORT = 'DATASET_EXPORT',
}

export enum DocumentFormat {
  PDF = 'PDF',
  XLSX = 'XLSX',
  CSV = 'CSV',
}

export enum DocumentLanguage {
  FR = 'FR',
  EN = 'EN',
}

export enum DocumentStatus {
  PENDING = 'PENDING',
  READY = 'READY',
  FAILED = 'FAILED',
}

registerEnumType(DocumentKind, { name: 'DocumentKind' });
registerEnumType(DocumentFormat, { name: 'DocumentFormat' });
registerEnumType(DocumentLanguage, { name: 'DocumentLanguage' });
registerEnumType(DocumentStatus, { name: 'DocumentStatus' });

/**
 * A file rendered by the worker and downloadable once READY: the impact report (PDF or XLSX) or a dataset
 * export (CSV or XLSX) of a period.
 */
@ObjectType()
@Entity()
@Check('ck_report_document_dataset', `(kind = 'DATASET_EXPORT') = (dataset IS NOT NULL)`)
export class ReportDocument {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => DocumentKind)
  @Column({ type: 'enum', enum: DocumentKind, enumName: 'document_kind', default: DocumentKind.IMPACT_REPORT })
  kind: DocumentKind;

  @Field(() => ExportDataset, { nullable: true, description: 'The dataset of a DATASET_EXPORT' })
  @Column({ type: 'enum', enum: ExportDataset, enumName: 'export_dataset', nullable: true })
  dataset: ExportDataset | null;

  @Field(() => DocumentFormat)
  @Column({ type: 'enum', enum: DocumentFormat, enumName: 'document_format' })
  format: DocumentFormat;

  @Field(() => DocumentLanguage)
  @Column({ type: 'enum', enum: DocumentLanguage, enumName: 'document_language' })
  language: DocumentLanguage;

  @Field(() => CalendarDate)
  @Column('date')
  periodFrom: string;

  @Field(() => CalendarDate)
  @Column('date')
  periodTo: string;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  programmeId: string | null;

  @Field(() => DocumentStatus)
  @Column({ type: 'enum', enum: DocumentStatus, enumName: 'document_status', default: DocumentStatus.PENDING })
  status: DocumentStatus;

  @Field(() => Int, { description: 'Percent done' })
  @Column('smallint', { default: 0 })
  progress: number;

  @Column('text', { nullable: true })
  objectKey: string | null;

  @Field(() => Int, { nullable: true, description: 'Rows of a dataset export, once READY' })
  @Column('int', { nullable: true })
  rowCount: number | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  failureReason: string | null;

  @Column('uuid', { nullable: true })
  requestedById: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
