import { Award } from './award.entity.js';
import { EntryStatusChange } from './entry-status-change.entity.js';
import { FestivalEdition } from './festival-edition.entity.js';
import { FestivalEntry } from './festival-entry.entity.js';
import { Festival } from './festival.entity.js';

export * from './enums.js';
export { Award, EntryStatusChange, Festival, FestivalEdition, FestivalEntry };

export const FESTIVALS_ENTITIES = [Festival, FestivalEdition, FestivalEntry, EntryStatusChange, Award];
