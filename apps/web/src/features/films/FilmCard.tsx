import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { Badge } from '../../ui/ui';
import type { FragmentOf } from '../../graphql';
import type { FilmCardFields } from './operations';

/** A film in a list: its poster when the worker made one, its title (the link) and its stage. */
export function FilmCard({ film }: { film: FragmentOf<typeof FilmCardFields> }) {
  const { t } = useI18n();
  const poster = film.assets.find((asset) => asset.posterUrl)?.posterUrl;
  return (
    <div className="card">
      {poster && <img src={poster} alt={t('films.poster', { title: film.title })} loading="lazy" width={160} height={90} />}
      <div>
        <Link className="card-title" to={`/films/${film.id}`}>
          {film.title}
        </Link>
        <p>
          <Badge>{t('films.stage', { stage: t(`stage.${film.stage}`) })}</Badge>
        </p>
      </div>
    </div>
  );
}
