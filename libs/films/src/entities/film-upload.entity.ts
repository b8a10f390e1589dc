import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  ManyToOne,
  type Relation,
} from 'typeorm';
import { MediaAsset } from './media-asset.entity.js';

/**
 * A resumable multipart upload of one asset. The parts the client reported are the source of truth for
 * resuming (the store's ListParts is not relied on: not every S3-compatible store has it).
 */
@ObjectType()
@Entity()
@Index('ix_film_upload_open', ['expiresAt'], { where: 'completed_at IS NULL AND closed_at IS NULL' })
export class FilmUpload {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_film_upload_asset', { unique: true })
  @Column('uuid')
  assetId: string;

  @OneToOne(() => MediaAsset, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'fk_film_upload_asset' })
  asset?: Relation<MediaAsset>;

  @Column('text')
  storeUploadId: string;

  @Field(() => Int, { description: 'Bytes per part; every part but the last has exactly this size' })
  @Column('int')
  partSize: number;

  @Field(() => Int)
  @Column('int')
  partCount: number;

  @Field()
  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

  /**
   * Set while one request completes the upload at the object store (claimed in a short transaction, cleared when
   * the outcome is recorded or the store fails): a second completion waits for it instead of calling the store
   * too. A claim older than a few minutes is a crashed API's and can be taken over.
   */
  @Column('timestamptz', { nullable: true })
  completingAt: Date | null;

  /** Set when aborted or expired: the upload takes no more parts. */
  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Column('uuid', { nullable: true })
  createdById: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

@ObjectType()
@Entity()
export class UploadedPart {
  @PrimaryColumn('uuid')
  uploadId: string;

  @Field(() => Int)
  @PrimaryColumn('int')
  partNumber: number;

  @ManyToOne(() => FilmUpload, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'upload_id', foreignKeyConstraintName: 'fk_uploaded_part_upload' })
  upload?: Relation<FilmUpload>;

  @Field()
  @Column('text')
  etag: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
