import { useState } from 'react';
import { Link } from 'react-router';
import type { ResultOf } from '../../graphql';
import { formatPercent } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Badge, ScrollTable } from '../../ui/ui';
import type { CohortQuery } from './operations';

type Line = ResultOf<typeof CohortQuery>['cohortProgress'][number];
type Order = 'risk' | 'name' | 'rate';

const byName = (a: Line, b: Line) => a.fellow.fullName.localeCompare(b.fellow.fullName);
const ORDERS: Record<Order, (a: Line, b: Line) => number> = {
  // Those at risk first (the ones a trainer must follow up), then by name.
  risk: (a, b) => Number(b.atRisk) - Number(a.atRisk) || byName(a, b),
  name: byName,
  // Lowest attendance first, as a trainer looks for who is falling behind.
  rate: (a, b) => a.attendanceRate - b.attendanceRate || byName(a, b),
};

/**
 * Each fellow's attendance over the held sessions and her films' stages. At risk is said in words (a badge and
 * the row's text), the colour only helps. What a trainer looks for comes first: name, rate, status; the films
 * last. At 360 px the table scrolls inside its frame, names staying in view; the status column is left out
 * there and the "at risk" badge sits under the name instead, so that it and the rate are seen without scrolling.
 */
export function ProgressTable({ lines, linkFellows }: { lines: readonly Line[]; linkFellows: boolean }) {
  const { t, locale } = useI18n();
  const [order, setOrder] = useState<Order>('risk');
  const sorted = [...lines].sort(ORDERS[order]);
  const atRisk = lines.filter((line) => line.atRisk).length;

  const sortHeader = (key: Exclude<Order, 'risk'>, label: string) => (
    <th scope="col" aria-sort={order === key ? 'ascending' : undefined}>
      <button type="button" className="sort-button" onClick={() => setOrder(order === key ? 'risk' : key)}>
        {label}
      </button>
    </th>
  );

  if (lines.length === 0) return <p className="list-empty">{t('progress.empty')}</p>;
  return (
    <>
      <p>
        {atRisk > 0 ? t('progress.atRiskCount', { count: atRisk }) : t('progress.noneAtRisk')}{' '}
        <span className="muted">{t('progress.sorted', { order: t(`progress.order.${order}`) })}</span>
      </p>
      <ScrollTable label={t('progress.caption')}>
        <table className="table table-sticky">
          <caption>
            <span className="caption-text">{t('progress.caption')}</span>
          </caption>
          <thead>
            <tr>
              {sortHeader('name', t('progress.fellow'))}
              {sortHeader('rate', t('progress.rate'))}
              <th scope="col" className="wide-only">
                {t('progress.status')}
              </th>
              <th scope="col">{t('progress.attended')}</th>
              <th scope="col">{t('progress.films')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((line) => (
              <tr key={line.fellow.id} className={line.atRisk ? 'row-alert' : undefined}>
                <th scope="row">
                  {linkFellows ? <Link to={`/fellows/${line.fellow.id}`}>{line.fellow.fullName}</Link> : line.fellow.fullName}
                  {line.atRisk && (
                    <span className="narrow-only">
                      <Badge tone="bad">{t('progress.atRisk')}</Badge>
                    </span>
                  )}
                </th>
                <td className="number">{line.sessionsHeld === 0 ? '—' : formatPercent(locale, line.attendanceRate)}</td>
                <td className="wide-only">
                  {line.atRisk ? <Badge tone="bad">{t('progress.atRisk')}</Badge> : <span className="muted">{t('progress.onTrack')}</span>}
                </td>
                <td className="number">{t('progress.attendedOf', { attended: line.sessionsAttended, held: line.sessionsHeld })}</td>
                <td>
                  {line.films.length === 0
                    ? '—'
                    : line.films.map((film, index) => (
                        <span key={film.id}>
                          {index > 0 && ', '}
                          <Link to={`/films/${film.id}`}>{film.title}</Link> ({t(`stage.${film.stage}`)})
                        </span>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
