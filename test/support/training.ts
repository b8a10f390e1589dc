import { TestApi } from './api.js';

export const CREATE_SESSION = 'mutation ($input: CreateTrainingSessionInput!) { createTrainingSession(input: $input) { id status } }';
export const RECORD =
  'mutation ($s: ID!, $r: [AttendanceInput!]!) { recordAttendance(sessionId: $s, records: $r) { id status attendance { fellow { id } status note } attendanceHistory { fellowId fromStatus toStatus changedBy { id } } } }';

/** Creates a session in a cohort, as `token`'s owner; `day` is a date, hours are UTC. */
export async function createSession(
  api: TestApi,
  token: string,
  input: { cohortId: string; day: string; from?: string; to?: string; title?: string; trainerIds?: string[] },
): Promise<string> {
  const data = await api.ok<{ createTrainingSession: { id: string } }>(
    CREATE_SESSION,
    {
      input: {
        cohortId: input.cohortId,
        title: input.title ?? `Session of ${input.day}`,
        topic: 'directing',
        startsAt: `${input.day}T${input.from ?? '09:00'}:00Z`,
        endsAt: `${input.day}T${input.to ?? '12:00'}:00Z`,
        location: 'Bamako',
        trainerIds: input.trainerIds,
      },
    },
    token,
  );
  return data.createTrainingSession.id;
}
