import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

// Millisecond precision, as in JavaScript dates: a pagination cursor built from a Date then matches the row
// exactly (microseconds would make the last row of a page come back on the next one).
export const CreatedAt = () => CreateDateColumn({ type: 'timestamptz', precision: 3 });
export const UpdatedAt = () => UpdateDateColumn({ type: 'timestamptz', precision: 3 });
