import { registerEnumType } from '@nestjs/graphql';

export enum FilmGenre {
  DOCUMENTARY = 'DOCUMENTARY',
  FICTION = 'FICTION',
  ANIMATION = 'ANIMATION',
  EXPERIMENTAL = 'EXPERIMENTAL',
}

/** From the first idea to the final cut, in order. */
export enum FilmStage {
  IDEA = 'IDEA',
  SYNOPSIS = 'SYNOPSIS',
  SCRIPT = 'SCRIPT',
  PRE_PRODUCTION = 'PRE_PRODUCTION',
  SHOOTING = 'SHOOTING',
  EDITING = 'EDITING',
  FINAL_CUT = 'FINAL_CUT',
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
registerEnumType(FilmStage, { name: 'FilmStage' });
registerEnumType(AssetKind, { name: 'AssetKind' });
registerEnumType(AssetStatus, { name: 'AssetStatus' });
