import { AttendanceChange } from './attendance-change.entity.js';
import { AttendanceRecord } from './attendance-record.entity.js';
import { Certificate } from './certificate.entity.js';
import { FeedbackNote } from './feedback-note.entity.js';
import { SessionTrainer } from './session-trainer.entity.js';
import { TrainingSession } from './training-session.entity.js';

export * from './enums.js';
export { AttendanceChange, AttendanceRecord, Certificate, FeedbackNote, SessionTrainer, TrainingSession };

export const TRAINING_ENTITIES = [TrainingSession, SessionTrainer, AttendanceRecord, AttendanceChange, FeedbackNote, Certificate];
