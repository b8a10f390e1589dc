// Written by scripts/migrations.ts: every migration, oldest first.
import { Foundation1795928879969 } from './1795928879969-Foundation.js';

export const MIGRATIONS = [Foundation1795928879969];
