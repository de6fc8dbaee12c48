import type { AnswerValue, LocalisedQuestionnaire } from '@socialsafety/instrument';
import { call } from './http';

export type Answers = Record<string, AnswerValue>;
export type Demographics = Record<string, number>;

/** What GET /api/v1/survey/:token answers (docs/api.md, "Taking part"). */
export interface SurveyData {
  measurement: { title: string; opensAt: string; closesAt: string; k: number; languages: string[] };
  unit: { name: string };
  kind: 'personal' | 'open';
  draftsAvailable: boolean;
  language: string;
  questionnaire: LocalisedQuestionnaire;
  draft: { language: string; answers: Answers; demographics: Demographics; updatedAt: string } | null;
  anonymity: { language: string; title: string; points: string[] };
}

export interface AnswerSet {
  language: string;
  answers: Answers;
  demographics: Demographics;
}

export interface Receipt {
  receipt: string;
  submittedOn: string;
}

const base = (token: string) => `/api/v1/survey/${encodeURIComponent(token)}`;

export async function fetchSurvey(token: string, language?: string): Promise<SurveyData> {
  return (await call<SurveyData>(language ? `${base(token)}?lang=${encodeURIComponent(language)}` : base(token))).body;
}

export async function saveDraft(token: string, set: AnswerSet, keepalive = false): Promise<{ updatedAt: string }> {
  return (await call<{ updatedAt: string }>(`${base(token)}/draft`, { method: 'PUT', json: set, keepalive })).body;
}

export async function sendResponse(token: string, set: AnswerSet & { submissionId: string }): Promise<Receipt> {
  return (await call<Receipt>(`${base(token)}/responses`, { method: 'POST', json: set })).body;
}
