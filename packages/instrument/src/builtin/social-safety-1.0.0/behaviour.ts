import type { BehaviourCategory, BehaviourMode, ChoiceItem, ScaledItem } from '../../schema';
import { choice, frequency, scale, section, type OptionSpec, type QuestionnairePart, type Texts } from '../builders';
import { frequency12Months } from './response-scales';

/*
 * Unwanted and boundary-crossing behaviour in the past 12 months: 'general' plus the six categories of the source
 * document, each asked as experienced and as witnessed. The categories are described by concrete behaviour rather
 * than by a label only, because people who would not call what happened to them "bullying" still recognise the
 * behaviour. After any answer other than "never" come follow-ups: who did it (experienced only: for witnessed
 * behaviour the relation to the target is unknown to the respondent), whether and where it was reported, and how
 * the report was dealt with.
 */

interface CategoryTexts {
  category: BehaviourCategory;
  /** Short part of the item ids. */
  slug: string;
  experienced: Texts;
  witnessed: Texts;
}

const CATEGORIES: readonly CategoryTexts[] = [
  {
    category: 'general',
    slug: 'general',
    experienced: {
      nl: 'Hoe vaak gedroeg iemand op je werk zich tegenover jou op een manier die je onprettig of ongewenst vond? Bijvoorbeeld: je negeren, kwetsende opmerkingen maken, tegen je uitvallen of je de weg versperren.',
      en: 'How often did someone at work behave towards you in a way you found unpleasant or unwanted? For example: ignoring you, making hurtful remarks, lashing out at you or blocking your way.',
    },
    witnessed: {
      nl: 'Hoe vaak zag of hoorde je dat iemand op je werk op een onprettige of ongewenste manier werd behandeld? Bijvoorbeeld: genegeerd worden, kwetsende opmerkingen, iemand die tegen diegene uitvalt of de weg verspert.',
      en: 'How often did you see or hear someone at work being treated in an unpleasant or unwanted way? For example: being ignored, hurtful remarks, someone lashing out at them or blocking their way.',
    },
  },
  {
    category: 'discriminatory',
    slug: 'discrimination',
    experienced: {
      nl: 'Hoe vaak werd je ongelijk behandeld of benadeeld vanwege wie je bent? Bijvoorbeeld vanwege je afkomst, huidskleur, geloof, gender, seksuele oriëntatie, leeftijd, beperking of gezondheid.',
      en: 'How often were you treated unequally or put at a disadvantage because of who you are? For example because of your origin, skin colour, religion, gender, sexual orientation, age, disability or health.',
    },
    witnessed: {
      nl: 'Hoe vaak zag of hoorde je dat iemand ongelijk werd behandeld of werd benadeeld vanwege wie diegene is? Bijvoorbeeld vanwege afkomst, huidskleur, geloof, gender, seksuele oriëntatie, leeftijd, beperking of gezondheid.',
      en: 'How often did you see or hear someone being treated unequally or put at a disadvantage because of who they are? For example because of their origin, skin colour, religion, gender, sexual orientation, age, disability or health.',
    },
  },
  {
    category: 'bullying-threatening',
    slug: 'bullying',
    experienced: {
      nl: 'Hoe vaak werd je gepest of bedreigd? Bijvoorbeeld: herhaaldelijk belachelijk gemaakt, gekleineerd of buitengesloten worden, roddels over jou, of bedreigingen, ook online.',
      en: 'How often were you bullied or threatened? For example: being repeatedly ridiculed, belittled or left out, gossip about you, or threats, also online.',
    },
    witnessed: {
      nl: 'Hoe vaak zag of hoorde je dat iemand werd gepest of bedreigd? Bijvoorbeeld: herhaaldelijk belachelijk gemaakt, gekleineerd of buitengesloten worden, roddels over diegene, of bedreigingen, ook online.',
      en: 'How often did you see or hear someone being bullied or threatened? For example: being repeatedly ridiculed, belittled or left out, gossip about them, or threats, also online.',
    },
  },
  {
    category: 'sexual',
    slug: 'sexual',
    experienced: {
      nl: 'Hoe vaak maakte je ongewenst gedrag van seksuele aard mee? Bijvoorbeeld: seksueel getinte opmerkingen of grappen, staren, ongewenste aanrakingen, of ongewenste avances, berichten of beelden.',
      en: 'How often did you experience unwanted behaviour of a sexual nature? For example: sexual remarks or jokes, staring, unwanted touching, or unwanted advances, messages or images.',
    },
    witnessed: {
      nl: 'Hoe vaak zag of hoorde je dat iemand ongewenst gedrag van seksuele aard meemaakte? Bijvoorbeeld: seksueel getinte opmerkingen of grappen, staren, ongewenste aanrakingen, of ongewenste avances, berichten of beelden.',
      en: 'How often did you see or hear someone experiencing unwanted behaviour of a sexual nature? For example: sexual remarks or jokes, staring, unwanted touching, or unwanted advances, messages or images.',
    },
  },
  {
    category: 'intimidating-aggressive-violent',
    slug: 'aggression',
    experienced: {
      nl: 'Hoe vaak maakte je intimidatie, agressie of geweld mee? Bijvoorbeeld: uitgescholden of toegeschreeuwd worden, dreigende gebaren, geduwd of geslagen worden, of spullen die worden gegooid of vernield.',
      en: 'How often did you experience intimidation, aggression or violence? For example: being sworn or shouted at, threatening gestures, being pushed or hit, or things being thrown or broken.',
    },
    witnessed: {
      nl: 'Hoe vaak zag of hoorde je dat iemand intimidatie, agressie of geweld meemaakte? Bijvoorbeeld: uitgescholden of toegeschreeuwd worden, dreigende gebaren, geduwd of geslagen worden, of spullen die worden gegooid of vernield.',
      en: 'How often did you see or hear someone experiencing intimidation, aggression or violence? For example: being sworn or shouted at, threatening gestures, being pushed or hit, or things being thrown or broken.',
    },
  },
  {
    category: 'abuse-of-power',
    slug: 'power_abuse',
    experienced: {
      nl: 'Hoe vaak maakte iemand misbruik van zijn of haar positie of van jouw afhankelijkheid? Bijvoorbeeld: druk zetten via je contract, beoordeling, loopbaan of cijfers, of om gunsten vragen in ruil voor iets.',
      en: 'How often did someone misuse their position or your dependence on them? For example: putting pressure on you through your contract, assessment, career or grades, or asking for favours in return for something.',
    },
    witnessed: {
      nl: 'Hoe vaak zag of hoorde je dat iemand misbruik maakte van zijn of haar positie of van de afhankelijkheid van een ander? Bijvoorbeeld: druk zetten via iemands contract, beoordeling, loopbaan of cijfers, of om gunsten vragen in ruil voor iets.',
      en: 'How often did you see or hear someone misusing their position or another person’s dependence on them? For example: putting pressure on someone through their contract, assessment, career or grades, or asking for favours in return for something.',
    },
  },
  {
    category: 'persisting-after-named',
    slug: 'persisting',
    experienced: {
      nl: 'Hoe vaak ging iemand door met gedrag nadat je duidelijk had gemaakt dat je dat niet wilde?',
      en: 'How often did someone carry on with behaviour after you had made clear that you did not want it?',
    },
    witnessed: {
      nl: 'Hoe vaak zag of hoorde je dat iemand doorging met gedrag nadat de ander duidelijk had gemaakt dat die dat niet wilde?',
      en: 'How often did you see or hear someone carry on with behaviour after the other person had made clear that they did not want it?',
    },
  },
];

const SOURCE_OPTIONS: readonly (OptionSpec & { value: number })[] = [
  { value: 1, source: 'colleague', nl: 'Een collega', en: 'A colleague' },
  { value: 2, source: 'direct-manager', nl: 'Mijn direct leidinggevende', en: 'My direct manager' },
  {
    value: 3,
    source: 'higher-management',
    nl: 'Iemand hoger in de organisatie (bijvoorbeeld het hoger management)',
    en: 'Someone higher up in the organisation (for example senior management)',
  },
  { value: 4, source: 'subordinate', nl: 'Iemand aan wie ik leidinggeef', en: 'Someone I manage' },
  {
    value: 5,
    source: 'external',
    nl: 'Iemand van buiten de organisatie (bijvoorbeeld een klant, patiënt, student of bezoeker)',
    en: 'Someone from outside the organisation (for example a client, patient, student or visitor)',
  },
  { value: 6, source: 'other', nl: 'Iemand anders', en: 'Someone else' },
];

const NOT_REPORTED = 0;
const REPORTED_OPTIONS: readonly (OptionSpec & { value: number })[] = [
  { value: NOT_REPORTED, reportedTo: 'not-reported', exclusive: true, nl: 'Nee, geen van beide', en: 'No, neither' },
  { value: 1, reportedTo: 'direct-manager', nl: 'Ja, bij mijn direct leidinggevende', en: 'Yes, to my direct manager' },
  { value: 2, reportedTo: 'higher-management', nl: 'Ja, bij iemand hoger in de organisatie', en: 'Yes, to someone higher up in the organisation' },
  { value: 3, reportedTo: 'hr', nl: 'Ja, bij HR of personeelszaken', en: 'Yes, to HR' },
  { value: 4, reportedTo: 'confidential-adviser', nl: 'Ja, bij de vertrouwenspersoon', en: 'Yes, to the confidential adviser' },
  {
    value: 5,
    reportedTo: 'reporting-point',
    nl: 'Ja, bij een meldpunt of klachtencommissie',
    en: 'Yes, to a reporting point or complaints committee',
  },
  {
    value: 6,
    reportedTo: 'outside-organisation',
    nl: 'Ja, buiten de organisatie (bijvoorbeeld bij de politie)',
    en: 'Yes, outside the organisation (for example to the police)',
  },
  { value: 7, reportedTo: 'other', nl: 'Ja, bij iemand anders', en: 'Yes, to someone else' },
];
const REPORTED_CODES = REPORTED_OPTIONS.map((o) => o.value).filter((value) => value !== NOT_REPORTED);

const HANDLING_OPTIONS: readonly (OptionSpec & { value: number })[] = [
  { value: 1, handling: 'satisfactory', nl: 'Goed: het werd serieus genomen en goed opgepakt', en: 'Well: it was taken seriously and dealt with properly' },
  { value: 2, handling: 'partly-satisfactory', nl: 'Deels goed', en: 'Partly well' },
  {
    value: 3,
    handling: 'unsatisfactory',
    nl: 'Niet goed: het werd niet serieus genomen of niet goed opgepakt',
    en: 'Badly: it was not taken seriously or not dealt with properly',
  },
  { value: 4, handling: 'no-action', nl: 'Er is niets mee gedaan', en: 'Nothing was done about it' },
  { value: 5, handling: 'pending', nl: 'Het loopt nog', en: 'It is still being dealt with' },
  { value: 6, handling: 'unknown', nl: 'Weet ik niet', en: 'I don’t know' },
];

const NOT_NEVER = frequency12Months.options.map((o) => o.value).filter((value) => value > 0);

const REPORTED_TEXT: Record<BehaviourMode, Texts> = {
  experienced: {
    nl: 'Heb je dit gemeld of er hulp bij gezocht? Kies alles wat van toepassing is.',
    en: 'Did you report this or ask someone for help with it? Choose all that apply.',
  },
  witnessed: {
    nl: 'Heb je gemeld wat je zag of hoorde, of er hulp bij gezocht? Kies alles wat van toepassing is.',
    en: 'Did you report what you saw or heard, or ask someone for help with it? Choose all that apply.',
  },
};

const HANDLING_TEXT: Texts = {
  nl: 'Hoe is ermee omgegaan nadat je het meldde of hulp zocht?',
  en: 'How was it dealt with after you reported it or asked for help?',
};

/** The frequency item of one category and mode, followed by its follow-ups. */
function behaviourBlock(texts: CategoryTexts, mode: BehaviourMode): { item: ScaledItem; followUps: ChoiceItem[] } {
  const id = `ub_${mode === 'experienced' ? 'exp' : 'wit'}_${texts.slug}`;
  const item = frequency(id, frequency12Months.id, texts[mode], {
    behaviour: { category: texts.category, mode },
    sensitive: true,
  });
  const shownAfterYes = { sensitive: true, condition: { itemId: id, anyOf: NOT_NEVER } };
  const followUps: ChoiceItem[] = [];
  if (mode === 'experienced') {
    followUps.push(
      choice(
        `${id}_source`,
        'multiple-choice',
        { nl: 'Van wie kwam dit gedrag? Kies alles wat van toepassing is.', en: 'Who did this? Choose all that apply.' },
        SOURCE_OPTIONS,
        { ...shownAfterYes, followUp: { role: 'source', of: id } },
      ),
    );
  }
  followUps.push(
    choice(`${id}_reported`, 'multiple-choice', REPORTED_TEXT[mode], REPORTED_OPTIONS, {
      ...shownAfterYes,
      followUp: { role: 'reported', of: id },
    }),
    choice(`${id}_handling`, 'single-choice', HANDLING_TEXT, HANDLING_OPTIONS, {
      sensitive: true,
      condition: { itemId: `${id}_reported`, anyOf: REPORTED_CODES },
      followUp: { role: 'handling', of: id },
    }),
  );
  return { item, followUps };
}

const experienced = CATEGORIES.map((texts) => behaviourBlock(texts, 'experienced'));
const witnessed = CATEGORIES.map((texts) => behaviourBlock(texts, 'witnessed'));

export const behaviourPart: QuestionnairePart = {
  sections: [
    section(
      'behaviour_experienced',
      { nl: 'Wat je zelf meemaakte', en: 'What you experienced yourself' },
      {
        nl: 'De volgende vragen gaan over wat je in de afgelopen 12 maanden op je werk hebt meegemaakt. Het gaat om gedrag van collega’s en leidinggevenden, maar ook van mensen van buiten je organisatie, zoals klanten, patiënten, studenten of bezoekers. Je antwoorden zijn anoniem. Roepen deze vragen iets bij je op waarover je wilt praten? Dan kun je terecht bij de vertrouwenspersoon van je organisatie.',
        en: 'The next questions are about what you experienced at work in the past 12 months. This covers behaviour of colleagues and managers, and also of people from outside your organisation, such as clients, patients, students or visitors. Your answers are anonymous. If these questions bring up something you would like to talk about, you can turn to your organisation’s confidential adviser.',
      },
      experienced.flatMap(({ item, followUps }) => [item, ...followUps]),
    ),
    section(
      'behaviour_witnessed',
      { nl: 'Wat je bij anderen zag of hoorde', en: 'What you saw or heard happen to others' },
      {
        nl: 'De volgende vragen gaan over wat je in de afgelopen 12 maanden op je werk hebt gezien of gehoord bij anderen: collega’s, leidinggevenden of andere mensen op je werk.',
        en: 'The next questions are about what you saw or heard happen to others at work in the past 12 months: colleagues, managers or other people at your workplace.',
      },
      witnessed.flatMap(({ item, followUps }) => [item, ...followUps]),
    ),
  ],
  scales: [
    scale({
      id: 'behaviour_experienced',
      domain: 'unwanted-behaviour',
      title: { nl: 'Zelf meegemaakt ongewenst gedrag', en: 'Unwanted behaviour experienced' },
      description: {
        nl: 'Aandeel mensen dat in de afgelopen 12 maanden minstens één keer ongewenst of grensoverschrijdend gedrag meemaakte.',
        en: 'Share of people who experienced unwanted or boundary-crossing behaviour at least once in the past 12 months.',
      },
      items: experienced.map(({ item }) => item),
      direction: 'higher-is-worse',
      scoring: 'prevalence',
      // Percentages. NEA: 16 % of Dutch employees experienced unwanted behaviour from inside their organisation
      // in 2017, 17 % in 2023; a unit near the national figure lands in amber.
      riskBands: { low: 10, high: 20 },
      sensitive: true,
    }),
    scale({
      id: 'behaviour_witnessed',
      domain: 'unwanted-behaviour',
      title: { nl: 'Ongewenst gedrag gezien of gehoord', en: 'Unwanted behaviour witnessed' },
      description: {
        nl: 'Aandeel mensen dat in de afgelopen 12 maanden minstens één keer zag of hoorde dat een ander ongewenst of grensoverschrijdend gedrag meemaakte.',
        en: 'Share of people who saw or heard at least once in the past 12 months that someone else experienced unwanted or boundary-crossing behaviour.',
      },
      items: witnessed.map(({ item }) => item),
      direction: 'higher-is-worse',
      scoring: 'prevalence',
      // Percentages; no national reference exists for witnessed behaviour, so these are provisional.
      riskBands: { low: 15, high: 30 },
      sensitive: true,
    }),
  ],
};
