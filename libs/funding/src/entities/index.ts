import { Funder } from './funder.entity.js';
import { GrantProgramme } from './grant-programme.entity.js';
import { GrantReportDone } from './grant-report-done.entity.js';
import { Grant } from './grant.entity.js';

export * from './enums.js';
export { Funder, Grant, GrantProgramme, GrantReportDone };

export const FUNDING_ENTITIES = [Funder, Grant, GrantProgramme, GrantReportDone];
