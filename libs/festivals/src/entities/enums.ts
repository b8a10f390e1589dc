import { registerEnumType } from '@nestjs/graphql';

export enum EntryStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  SELECTED = 'SELECTED',
  NOT_SELECTED = 'NOT_SELECTED',
  WITHDRAWN = 'WITHDRAWN',
  DISQUALIFIED = 'DISQUALIFIED',
}

registerEnumType(EntryStatus, { name: 'EntryStatus' });

/** The moves an entry may make; anything else is refused, naming these. */
export const ENTRY_MOVES: Readonly<Record<EntryStatus, readonly EntryStatus[]>> = {
  [EntryStatus.DRAFT]: [EntryStatus.SUBMITTED, EntryStatus.WITHDRAWN],
  [EntryStatus.SUBMITTED]: [EntryStatus.SELECTED, EntryStatus.NOT_SELECTED, EntryStatus.WITHDRAWN, EntryStatus.DISQUALIFIED],
  [EntryStatus.SELECTED]: [EntryStatus.DISQUALIFIED],
  [EntryStatus.NOT_SELECTED]: [],
  [EntryStatus.WITHDRAWN]: [],
  [EntryStatus.DISQUALIFIED]: [],
};

/** Outcomes: reaching one sets `decidedAt`. */
export const DECISIONS: readonly EntryStatus[] = [EntryStatus.SELECTED, EntryStatus.NOT_SELECTED, EntryStatus.DISQUALIFIED];
