import { agree, frequency, scale, section, type QuestionnairePart } from '../builders';
import { frequency4Weeks } from './response-scales';

const dontKnow = { allowDontKnow: true };

// Organisational risk factors named by the source document: competitive climate, role ambiguity, flexible
// contracts (job insecurity), (informal) power differences and gatekeepers. High workload is measured below.
const competitiveClimate = [
  agree('rf_compete_not_cooperate', {
    nl: 'In mijn werk concurreren mensen meer met elkaar dan dat ze samenwerken.',
    en: 'In my work, people compete with each other more than they work together.',
  }),
  agree('rf_outdo_others', {
    nl: 'Hier moet je beter presteren dan anderen om vooruit te komen.',
    en: 'Here, you have to outperform others to get ahead.',
  }),
  agree(
    'rf_share_knowledge',
    {
      nl: 'Collega’s delen hier makkelijk hun kennis met elkaar.',
      en: 'Colleagues here readily share what they know with each other.',
    },
    { reverse: true },
  ),
];

const roleClarity = [
  agree('rf_tasks_clear', {
    nl: 'Het is mij duidelijk wat mijn taken en verantwoordelijkheden zijn.',
    en: 'It is clear to me what my tasks and responsibilities are.',
  }),
  agree('rf_who_decides_clear', {
    nl: 'Het is duidelijk wie wat beslist in mijn werk.',
    en: 'It is clear who decides what in my work.',
  }),
  agree(
    'rf_conflicting_instructions',
    {
      nl: 'Ik krijg tegenstrijdige opdrachten van verschillende mensen.',
      en: 'I get conflicting instructions from different people.',
    },
    { reverse: true },
  ),
  agree('rf_know_when_done_well', {
    nl: 'Ik weet wanneer ik mijn werk goed heb gedaan.',
    en: 'I know when I have done my work well.',
  }),
];

const jobInsecurity = [
  agree('rf_worry_keep_job', {
    nl: 'Ik maak me zorgen of ik mijn baan kan houden.',
    en: 'I worry about whether I can keep my job.',
  }),
  agree(
    'rf_contract_uncertain',
    {
      nl: 'Het is onzeker of mijn contract wordt verlengd.',
      en: 'It is uncertain whether my contract will be renewed.',
    },
    dontKnow,
  ),
  agree(
    'rf_insecure_so_quiet',
    {
      nl: 'Omdat mijn positie onzeker is, zeg ik minder snel wat ik vind.',
      en: 'Because my position is insecure, I am slower to say what I think.',
    },
    dontKnow,
  ),
];

const powerDifferences = [
  agree('rf_large_power_gaps', {
    nl: 'In mijn organisatie zijn er grote machtsverschillen tussen groepen mensen.',
    en: 'In my organisation, there are large differences in power between groups of people.',
  }),
  agree('rf_network_gives_say', {
    nl: 'Mensen met het juiste netwerk of de juiste informatie hebben hier veel meer te zeggen dan anderen.',
    en: 'People with the right network or information have much more say here than others.',
  }),
  agree('rf_some_groups_count_less', {
    nl: 'Sommige groepen collega’s tellen hier minder mee, bijvoorbeeld door hun contract of de taal die ze spreken.',
    en: 'Some groups of colleagues count for less here, for example because of their contract or the language they speak.',
  }),
];

const gatekeepers = [
  agree(
    'rf_few_decide_access',
    {
      nl: 'Een paar mensen bepalen wie toegang krijgt tot interessant werk of kansen.',
      en: 'A few people decide who gets access to interesting work or opportunities.',
    },
    dontKnow,
  ),
  agree(
    'rf_stay_in_favour',
    {
      nl: 'Om hier verder te komen, moet je bij bepaalde mensen in een goed blaadje staan.',
      en: 'To get ahead here, you need to stay in the good books of certain people.',
    },
    dontKnow,
  ),
  agree(
    'rf_opportunities_fair',
    {
      nl: 'Kansen worden hier open en eerlijk verdeeld.',
      en: 'Opportunities are shared out openly and fairly here.',
    },
    { ...dontKnow, reverse: true },
  ),
];

// Psychosocial workload (PSA): quantitative demands, emotional demands, and the physical, mental and social stress
// reactions the source document names. Informed by COPSOQ III constructs; the wording is this project's own.
const workPace = [
  agree('wl_too_much_work', {
    nl: 'Ik heb te veel werk voor de tijd die ik heb.',
    en: 'I have too much work for the time I have.',
  }),
  agree('wl_pace_too_high', {
    nl: 'Het tempo van mijn werk ligt te hoog.',
    en: 'The pace of my work is too high.',
  }),
  agree('wl_overtime', {
    nl: 'Ik werk regelmatig over om mijn werk af te krijgen.',
    en: 'I regularly work overtime to get my work done.',
  }),
  agree(
    'wl_enough_time',
    {
      nl: 'Ik heb genoeg tijd om mijn werk goed te doen.',
      en: 'I have enough time to do my work well.',
    },
    { reverse: true },
  ),
];

const emotionalDemands = [
  agree('wl_emotionally_draining', {
    nl: 'Mijn werk vraagt emotioneel veel van me.',
    en: 'My work takes a lot out of me emotionally.',
  }),
  agree('wl_situations_affect_me', {
    nl: 'In mijn werk krijg ik te maken met situaties die me persoonlijk raken.',
    en: 'In my work, I deal with situations that affect me personally.',
  }),
  agree('wl_stay_calm_friendly', {
    nl: 'In mijn werk moet ik rustig en vriendelijk blijven, ook als ik me anders voel.',
    en: 'In my work, I have to stay calm and friendly, even when I feel otherwise.',
  }),
];

const f4 = frequency4Weeks.id;
const stressReactions = [
  frequency('wl_physical_complaints', f4, {
    nl: 'Hoe vaak had je lichamelijke klachten, zoals hoofdpijn, buikpijn of gespannen spieren?',
    en: 'How often did you have physical complaints, such as headache, stomach ache or tense muscles?',
  }),
  frequency('wl_poor_sleep', f4, {
    nl: 'Hoe vaak sliep je slecht?',
    en: 'How often did you sleep badly?',
  }),
  frequency('wl_tense', f4, {
    nl: 'Hoe vaak voelde je je gespannen of gestrest?',
    en: 'How often did you feel tense or stressed?',
  }),
  frequency('wl_concentration', f4, {
    nl: 'Hoe vaak had je moeite om je te concentreren?',
    en: 'How often did you find it hard to concentrate?',
  }),
  frequency('wl_irritable', f4, {
    nl: 'Hoe vaak reageerde je snel geïrriteerd op anderen?',
    en: 'How often were you quick to get irritated with others?',
  }),
  frequency('wl_withdrew', f4, {
    nl: 'Hoe vaak trok je je terug uit het contact met collega’s, vrienden of familie?',
    en: 'How often did you withdraw from contact with colleagues, friends or family?',
  }),
];

export const risksWorkloadPart: QuestionnairePart = {
  sections: [
    section(
      'work_organisation',
      { nl: 'Hoe het werk is georganiseerd', en: 'How work is organised' },
      {
        nl: 'Deze vragen gaan over de manier waarop het werk in je organisatie is geregeld: samenwerking, duidelijkheid, zekerheid en invloed.',
        en: 'These questions are about how work is arranged in your organisation: cooperation, clarity, security and influence.',
      },
      [...competitiveClimate, ...roleClarity, ...jobInsecurity, ...powerDifferences, ...gatekeepers],
    ),
    section(
      'workload',
      { nl: 'Werkdruk', en: 'Workload' },
      {
        nl: 'Deze vragen gaan over de hoeveelheid werk en over wat je werk emotioneel van je vraagt.',
        en: 'These questions are about the amount of work you have and what your work asks of you emotionally.',
      },
      [...workPace, ...emotionalDemands],
    ),
    section(
      'stress',
      { nl: 'Hoe gaat het met je?', en: 'How are you doing?' },
      {
        nl: 'Deze vragen gaan over de afgelopen vier weken.',
        en: 'These questions are about the past four weeks.',
      },
      stressReactions,
    ),
  ],
  scales: [
    scale({
      id: 'competitive_climate',
      domain: 'risk-factors',
      title: { nl: 'Competitief klimaat', en: 'Competitive climate' },
      items: competitiveClimate,
      direction: 'higher-is-worse',
    }),
    scale({
      id: 'role_clarity',
      domain: 'risk-factors',
      title: { nl: 'Duidelijkheid over de eigen rol', en: 'Role clarity' },
      items: roleClarity,
      direction: 'higher-is-better',
    }),
    scale({
      id: 'job_insecurity',
      domain: 'risk-factors',
      title: { nl: 'Baanonzekerheid', en: 'Job insecurity' },
      items: jobInsecurity,
      direction: 'higher-is-worse',
    }),
    scale({
      id: 'power_differences',
      domain: 'risk-factors',
      title: { nl: 'Machtsverschillen', en: 'Power differences' },
      items: powerDifferences,
      direction: 'higher-is-worse',
    }),
    scale({
      id: 'gatekeepers',
      domain: 'risk-factors',
      title: { nl: 'Poortwachters', en: 'Gatekeepers' },
      description: {
        nl: 'In hoeverre een paar mensen bepalen wie toegang krijgt tot werk, kansen en netwerken.',
        en: 'How far a few people decide who gets access to work, opportunities and networks.',
      },
      items: gatekeepers,
      direction: 'higher-is-worse',
    }),
    scale({
      id: 'work_pace',
      domain: 'workload',
      title: { nl: 'Werkhoeveelheid en tempo', en: 'Amount of work and pace' },
      items: workPace,
      direction: 'higher-is-worse',
    }),
    scale({
      id: 'emotional_demands',
      domain: 'workload',
      title: { nl: 'Emotionele belasting', en: 'Emotional demands' },
      items: emotionalDemands,
      direction: 'higher-is-worse',
    }),
    scale({
      id: 'stress_reactions',
      domain: 'workload',
      title: { nl: 'Stressreacties', en: 'Stress reactions' },
      description: {
        nl: 'Lichamelijke, mentale en sociale signalen van stress in de afgelopen vier weken.',
        en: 'Physical, mental and social signs of stress in the past four weeks.',
      },
      items: stressReactions,
      direction: 'higher-is-worse',
    }),
  ],
};
