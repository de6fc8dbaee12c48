import type { QuestionnaireDefinition } from '../schema';
import { behaviourPart } from './social-safety-1.0.0/behaviour';
import { demographics } from './social-safety-1.0.0/demographics';
import { hierarchyLeadershipPart } from './social-safety-1.0.0/hierarchy-leadership';
import { normsCompassPart } from './social-safety-1.0.0/norms-compass';
import { outcomesPart } from './social-safety-1.0.0/outcomes';
import { responseScales } from './social-safety-1.0.0/response-scales';
import { risksWorkloadPart } from './social-safety-1.0.0/risks-workload';
import { teamPart } from './social-safety-1.0.0/team';

// Order matters: close, everyday team questions first; behaviour questions late, once the respondent has settled
// in; the overall judgement last, so that it follows from everything asked before it.
const parts = [teamPart, hierarchyLeadershipPart, normsCompassPart, risksWorkloadPart, behaviourPart, outcomesPart];

/**
 * The built-in questionnaire "social-safety" 1.0.0, in Dutch (source language) and English. Original wording for
 * this project, informed by (not copied from) Edmondson 1999, Brown et al. 2005, COPSOQ III constructs, NEA and the
 * CAOP source document; see docs/methodology.md.
 */
export const socialSafety_1_0_0: QuestionnaireDefinition = {
  schemaVersion: 1,
  key: 'social-safety',
  version: '1.0.0',
  languages: ['nl', 'en'],
  title: { nl: 'Sociale veiligheid op het werk', en: 'Social safety at work' },
  description: {
    nl: 'Vragenlijst over sociale veiligheid op het werk: hoe vrij mensen zich voelen om zichzelf te zijn en zich uit te spreken, wat daarop van invloed is, en hoe vaak ongewenst en grensoverschrijdend gedrag voorkomt.',
    en: 'Questionnaire on social safety at work: how free people feel to be themselves and to speak up, what influences that, and how often unwanted and boundary-crossing behaviour occurs.',
  },
  intro: {
    nl: 'Met deze vragenlijst onderzoekt je organisatie hoe sociaal veilig het werk is: kun je jezelf zijn en je uitspreken, en hoe gaan mensen met elkaar om? Er zijn geen goede of foute antwoorden; het gaat om jouw ervaring. Je antwoorden zijn anoniem: niemand kan zien wat jij hebt ingevuld, en uitkomsten worden alleen getoond voor groepen die groot genoeg zijn. Je kunt elke vraag overslaan, en je kunt tussendoor stoppen en later verdergaan.',
    en: 'With this questionnaire, your organisation looks at how socially safe work is: can you be yourself and speak up, and how do people treat each other? There are no right or wrong answers; it is about your experience. Your answers are anonymous: nobody can see what you filled in, and results are only shown for groups that are large enough. You can skip any question, and you can stop and continue later.',
  },
  dontKnowLabel: { nl: 'Weet ik niet / niet van toepassing', en: 'Don’t know / not applicable' },
  // estimateMinutes() gives 14.4 for this definition (107 questions everyone sees, 35 behaviour follow-ups that
  // only some see, five demographics); see docs/methodology.md for the assumptions. A test keeps the two close.
  estimatedMinutes: 14,
  responseScales,
  sections: parts.flatMap((part) => part.sections),
  scales: parts.flatMap((part) => part.scales),
  demographics,
};

export const builtinQuestionnaires: readonly QuestionnaireDefinition[] = [socialSafety_1_0_0];
