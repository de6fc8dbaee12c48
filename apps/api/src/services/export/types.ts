import type { Answers } from '@socialsafety/instrument';

/** A unit of the measurement's frozen tree. */
export interface ExportUnit {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly parentId: string | null;
}

/** One response as the export reads it: answers, background answers, where and in which language. Nothing else. */
export interface ExportResponse {
  readonly unitId: string;
  readonly language: string;
  readonly answers: Answers;
  readonly demographics: Readonly<Record<string, number | null | undefined>>;
}
