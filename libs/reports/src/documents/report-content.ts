import type { ImpactReport } from '../impact-report.model.js';

/** Everything a rendered report shows, gathered once by the worker. */
export interface ReportContent {
  report: ImpactReport;
  programmeName: string | null;
  attendanceByRegion: { region: string; screenings: number; attendance: number }[];
  selections: { film: string; festival: string; year: number; awards: string[] }[];
  funders: { funder: string; currency: string; amount: number }[];
}

export type Labels = Record<
  | 'title'
  | 'period'
  | 'programme'
  | 'allProgrammes'
  | 'headline'
  | 'fellows'
  | 'women'
  | 'sessions'
  | 'attendanceRate'
  | 'films'
  | 'completed'
  | 'entries'
  | 'selections'
  | 'awards'
  | 'screenings'
  | 'audience'
  | 'byRegion'
  | 'region'
  | 'festivals'
  | 'film'
  | 'festival'
  | 'funders'
  | 'funder'
  | 'amount'
  | 'none',
  string
>;

export const LABELS: Record<'FR' | 'EN', Labels> = {
  FR: {
    title: 'Rapport d’activités',
    period: 'Période',
    programme: 'Programme',
    allProgrammes: 'Tous les programmes',
    headline: 'Chiffres clés',
    fellows: 'Boursiers et boursières',
    women: 'dont femmes',
    sessions: 'Séances de formation tenues',
    attendanceRate: 'Taux de présence',
    films: 'Films',
    completed: 'Films terminés',
    entries: 'Inscriptions en festival',
    selections: 'Sélections',
    awards: 'Prix',
    screenings: 'Projections tenues',
    audience: 'Spectateurs',
    byRegion: 'Projections et spectateurs par région',
    region: 'Région',
    festivals: 'Sélections et prix par film',
    film: 'Film',
    festival: 'Festival',
    funders: 'Partenaires financiers',
    funder: 'Partenaire',
    amount: 'Montant',
    none: 'Aucun',
  },
  EN: {
    title: 'Activity report',
    period: 'Period',
    programme: 'Programme',
    allProgrammes: 'All programmes',
    headline: 'Headline figures',
    fellows: 'Fellows',
    women: 'of whom women',
    sessions: 'Training sessions held',
    attendanceRate: 'Attendance rate',
    films: 'Films',
    completed: 'Films completed',
    entries: 'Festival entries',
    selections: 'Selections',
    awards: 'Awards',
    screenings: 'Screenings held',
    audience: 'Audience',
    byRegion: 'Screenings and audience by region',
    region: 'Region',
    festivals: 'Selections and awards by film',
    film: 'Film',
    festival: 'Festival',
    funders: 'Funders',
    funder: 'Funder',
    amount: 'Amount',
    none: 'None',
  },
};

/** The headline figures as label/value rows, shared by the PDF and the workbook. */
export function headline(content: ReportContent, l: Labels): [string, string | number][] {
  const r = content.report;
  const women = r.fellowsByGender.find((g) => g.key === 'FEMALE')?.count ?? 0;
  return [
    [l.fellows, r.fellows],
    [l.women, women],
    [l.sessions, r.trainingSessionsHeld],
    [l.attendanceRate, `${Math.round(r.trainingAttendanceRate * 100)} %`],
    [l.films, r.films],
    [l.completed, r.filmsCompleted],
    [l.entries, r.festivalEntries],
    [l.selections, r.festivalSelections],
    [l.awards, r.awards],
    [l.screenings, r.screeningsHeld],
    [l.audience, r.screeningAttendance.total],
  ];
}
