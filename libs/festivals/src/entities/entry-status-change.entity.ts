import { Field, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '#people';
import { EntryStatus } from './enums.js';
import { FestivalEntry } from './festival-entry.entity.js';

@ObjectType()
@Entity()
@Index('ix_entry_status_change_entry', ['entryId', 'at'])
export class EntryStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  entryId: string;

  @ManyToOne(() => FestivalEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'fk_entry_status_change_entry' })
  entry?: Relation<FestivalEntry>;

  @Field(() => EntryStatus, { nullable: true })
  @Column({ type: 'enum', enum: EntryStatus, enumName: 'entry_status_change_from', nullable: true })
  from: EntryStatus | null;

  @Field(() => EntryStatus)
  @Column({ type: 'enum', enum: EntryStatus, enumName: 'entry_status_change_to' })
  to: EntryStatus;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Column('uuid', { nullable: true })
  byId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'by_id', foreignKeyConstraintName: 'fk_entry_status_change_by' })
  by?: Relation<User> | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  note: string | null;
}
