import type { LocalCopy } from './local-copy';
import type { Answers, Demographics, SurveyData } from './survey-api';

export interface StartingPoint {
  language: string;
  answers: Answers;
  demographics: Demographics;
  /** The answers are newer than what the server has: save them. */
  unsaved: boolean;
  /** Send was pressed earlier with this id (and the answers with it); every retry sends the same one. */
  submissionId: string | undefined;
  /** This browser's copy is outdated by the server's draft and should be removed. */
  dropCopy: boolean;
}

/**
 * Which answers someone opening a link continues with. This browser's copy wins when it continues the server's
 * draft (it was made after the draft it started from was saved), when it is newer than that draft, when there is no
 * draft (an open link never has one), or when send was already pressed with it. Otherwise the server's draft wins:
 * the person went on answering on another device.
 */
export function startingPoint(data: SurveyData, copy: LocalCopy | null): StartingPoint {
  const draft = data.draftsAvailable ? data.draft : null;
  const copyWins =
    copy !== null &&
    (draft === null || copy.submissionId !== undefined || copy.basedOn === draft.updatedAt || Date.parse(copy.changedAt) > Date.parse(draft.updatedAt));
  if (copy && copyWins) {
    return { ...pick(copy), unsaved: data.draftsAvailable, submissionId: copy.submissionId, dropCopy: false };
  }
  const rest = { unsaved: false, submissionId: undefined, dropCopy: copy !== null };
  if (draft) return { ...pick(draft), ...rest };
  return { language: data.language, answers: {}, demographics: {}, ...rest };
}

const pick = ({ language, answers, demographics }: { language: string; answers: Answers; demographics: Demographics }) => ({
  language,
  answers,
  demographics,
});
