import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { AssetKind, AssetStatus } from './enums.js';
import { Film } from './film.entity.js';

// bigint columns arrive from node-postgres as strings; sizes here stay far below 2^53.
const bigintAsNumber = { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/** A video file of a film (final cut, rough cut, trailer) and what processing learnt of it. */
@ObjectType()
@Entity()
export class MediaAsset {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  @Index('ix_media_asset_film')
  filmId: string;

  @ManyToOne(() => Film, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'film_id', foreignKeyConstraintName: 'fk_media_asset_film' })
  film?: Relation<Film>;

  @Field(() => AssetKind)
  @Column({ type: 'enum', enum: AssetKind, enumName: 'asset_kind' })
  kind: AssetKind;

  @Field(() => AssetStatus)
  @Index('ix_media_asset_status')
  @Column({ type: 'enum', enum: AssetStatus, enumName: 'asset_status', default: AssetStatus.UPLOADING })
  status: AssetStatus;

  @Field({ description: 'As the uploader named it; never used as a storage key' })
  @Column('text')
  fileName: string;

  @Field(() => Float, { description: 'Bytes; Float because films exceed 2^31' })
  @Column('bigint', { transformer: bigintAsNumber })
  byteSize: number;

  @Field()
  @Column('text')
  contentType: string;

  /** Generated key of the uploaded file. */
  @Index('uq_media_asset_object_key', { unique: true })
  @Column('text')
  objectKey: string;

  @Field(() => Float, { nullable: true })
  @Column('double precision', { nullable: true })
  durationSeconds: number | null;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  width: number | null;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  height: number | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  videoCodec: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  audioCodec: string | null;

  @Field(() => Int, { nullable: true, description: 'Bits per second, as ffprobe reads it' })
  @Column('int', { nullable: true })
  bitrate: number | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  rejectionReason: string | null;

  @Field(() => String, { nullable: true, description: 'The last error, when processing FAILED' })
  @Column('text', { nullable: true })
  failureReason: string | null;

  @Column('text', { nullable: true })
  posterKey: string | null;

  @Column('text', { nullable: true })
  previewKey: string | null;

  @Column('uuid', { nullable: true })
  uploadedById: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
