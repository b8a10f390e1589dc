import { FilmDirector } from './film-director.entity.js';
import { FilmStageChange } from './film-stage-change.entity.js';
import { FilmUpload, UploadedPart } from './film-upload.entity.js';
import { Film } from './film.entity.js';
import { MediaAsset } from './media-asset.entity.js';

export * from './enums.js';
export { Film, FilmDirector, FilmStageChange, FilmUpload, MediaAsset, UploadedPart };

export const FILMS_ENTITIES = [Film, FilmDirector, FilmStageChange, MediaAsset, FilmUpload, UploadedPart];
