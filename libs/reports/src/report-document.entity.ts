import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CalendarDate } from '#core';

export enum DocumentFormat {
  PDF = 'PDF',
  XLSX = 'XLSX',
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

registerEnumType(DocumentFormat, { name: 'DocumentFormat' });
registerEnumType(DocumentLanguage, { name: 'DocumentLanguage' });
registerEnumType(DocumentStatus, { name: 'DocumentStatus' });

/** An impact report rendered as a document by the worker, downloadable once READY. */
@ObjectType()
@Entity()
export class ReportDocument {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

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
