import { registerEnumType } from '@nestjs/graphql';

export enum FilmGenre {
  DOCUMENTARY = 'DOCUMENTARY',
  FICTION = 'FICTION',
  ANIMATION = 'ANIMATION',
  EXPERIMENTAL = 'EXPERIMENTAL',
}

/**
 * From the first idea to the final cut, in order. A film moves forward one stage at a time, except that
 * SYNOPSIS and PRE_PRODUCTION may be skipped (a documentary often goes from the idea to its script, or from
 * the script straight to shooting); it goes back to any earlier stage only with a note saying why.
 */
export enum FilmStage {
  IDEA = 'IDEA',
  SYNOPSIS = 'SYNOPSIS',
  SCRIPT = 'SCRIPT',
  PRE_PRODUCTION = 'PRE_PRODUCTION',
  SHOOTING = 'SHOOTING',
  EDITING = 'EDITING',
  FINAL_CUT = 'FINAL_CUT',
}

/** The stages in their order, from IDEA to FINAL_CUT. */
export const FILM_STAGE_ORDER: readonly FilmStage[] = Object.values(FilmStage);

/** The forward moves a film may make without a note; anything else forward is refused, naming these. */
export const FILM_STAGE_FORWARD: Readonly<Record<FilmStage, readonly FilmStage[]>> = {
  [FilmStage.IDEA]: [FilmStage.SYNOPSIS, FilmStage.SCRIPT],
  [FilmStage.SYNOPSIS]: [FilmStage.SCRIPT],
  [FilmStage.SCRIPT]: [FilmStage.PRE_PRODUCTION, FilmStage.SHOOTING],
  [FilmStage.PRE_PRODUCTION]: [FilmStage.SHOOTING],
  [FilmStage.SHOOTING]: [FilmStage.EDITING],
  [FilmStage.EDITING]: [FilmStage.FINAL_CUT],
  [FilmStage.FINAL_CUT]: [],
};

/** The stages before `stage`, nearest first: where a film may go back to, with a note. */
export function earlierStages(stage: FilmStage): FilmStage[] {
  return FILM_STAGE_ORDER.slice(0, FILM_STAGE_ORDER.indexOf(stage)).reverse();
}

/** Every stage after `from` up to `to`, in order: a walk of one-stage moves; empty when `to` is not ahead. */
export function stagesUpTo(from: FilmStage, to: FilmStage): FilmStage[] {
  return FILM_STAGE_ORDER.slice(FILM_STAGE_ORDER.indexOf(from) + 1, FILM_STAGE_ORDER.indexOf(to) + 1);
}

export enum AssetKind {
  FINAL_CUT = 'FINAL_CUT',
  ROUGH_CUT = 'ROUGH_CUT',
  TRAILER = 'TRAILER',
}

export enum AssetStatus {
  UPLOADING = 'UPLOADING',
  PROCESSING = 'PROCESSING',
  READY = 'READY',
  /** Not a playable video, or not what was declared. */
  REJECTED = 'REJECTED',
  /** Processing failed after its retries. */
  FAILED = 'FAILED',
  /** The upload was abandoned or aborted. */
  EXPIRED = 'EXPIRED',
}

registerEnumType(FilmGenre, { name: 'FilmGenre' });
registerEnumType(FilmStage, {
  name: 'FilmStage',
  description:
    'From the first idea to the final cut, in order. A film moves forward one stage at a time, except that SYNOPSIS ' +
    'and PRE_PRODUCTION may be skipped (IDEA to SCRIPT, SCRIPT to SHOOTING); it goes back to any earlier stage only ' +
    'with a note saying why, kept in its stageHistory.',
});
registerEnumType(AssetKind, { name: 'AssetKind' });
registerEnumType(AssetStatus, { name: 'AssetStatus' });
