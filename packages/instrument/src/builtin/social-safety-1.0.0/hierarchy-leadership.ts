import { agree, scale, section, type QuestionnairePart } from '../builders';

const dontKnow = { allowDontKnow: true };

// Hierarchy and dependency (source document; KNAW 2022): the harder it is to speak up to those higher up and the
// more someone depends on one person, the greater the room for abuse of power and the lower the willingness to report.
const speakingUpUpwards = [
  agree('hd_feedback_upwards', {
    nl: 'Ik kan mensen die hoger in de organisatie staan feedback geven op hun gedrag.',
    en: 'I can give people higher up in the organisation feedback on their behaviour.',
  }),
  agree('hd_disagree_upwards', {
    nl: 'Als ik het oneens ben met een besluit van hogerop, zeg ik dat.',
    en: 'When I disagree with a decision from higher up, I say so.',
  }),
  agree(
    'hd_silent_when_senior',
    {
      nl: 'Ik zwijg over een probleem als er iemand van hogerop bij betrokken is.',
      en: 'I keep quiet about a problem when someone from higher up is involved.',
    },
    { reverse: true },
  ),
  agree('hd_criticism_taken_seriously', {
    nl: 'Mensen hoger in de organisatie nemen kritiek van medewerkers serieus.',
    en: 'People higher up in the organisation take criticism from employees seriously.',
  }),
];

const dependency = [
  agree('hd_career_one_person', {
    nl: 'Mijn loopbaan of de verlenging van mijn contract hangt grotendeels af van één persoon.',
    en: 'My career or the renewal of my contract depends largely on one person.',
  }),
  agree('hd_chances_one_person', {
    nl: 'Zonder de steun van één bepaalde persoon heb ik hier weinig kansen.',
    en: 'Without the support of one particular person, I have few chances here.',
  }),
  agree(
    'hd_other_options',
    {
      nl: 'Als het misgaat met mijn leidinggevende, heb ik binnen de organisatie nog andere mogelijkheden.',
      en: 'If things go wrong with my manager, I still have other options within the organisation.',
    },
    { reverse: true },
  ),
];

const repercussions = [
  agree('hd_fear_career_harm', {
    nl: 'Ik ben bang dat het mijn loopbaan schaadt als ik een probleem aankaart.',
    en: 'I am afraid that raising a problem will harm my career.',
  }),
  agree('hd_critics_sidelined', {
    nl: 'Mensen die hier kritiek uiten, worden aan de kant gezet.',
    en: 'People who voice criticism here are pushed aside.',
  }),
  agree('hd_careful_what_i_say', {
    nl: 'Ik let goed op wat ik zeg, omdat het tegen mij gebruikt kan worden.',
    en: 'I am careful about what I say, because it could be used against me.',
  }),
  agree(
    'hd_raising_appreciated',
    {
      nl: 'Mensen die hier problemen aankaarten, worden daarvoor gewaardeerd.',
      en: 'People who raise problems here are appreciated for it.',
    },
    { reverse: true },
  ),
];

const untouchables = [
  agree(
    'hd_no_consequences',
    {
      nl: 'In mijn organisatie kunnen sommige mensen zich misdragen zonder dat dit gevolgen heeft.',
      en: 'In my organisation, some people can behave badly without any consequences.',
    },
    dontKnow,
  ),
  agree(
    'hd_nobody_dares',
    {
      nl: 'Sommige mensen zijn hier zo belangrijk dat niemand hen durft aan te spreken.',
      en: 'Some people here are so important that nobody dares to challenge them.',
    },
    dontKnow,
  ),
  agree(
    'hd_same_rules_for_all',
    {
      nl: 'In mijn organisatie gelden dezelfde gedragsregels voor iedereen, ongeacht iemands positie.',
      en: 'In my organisation, the same rules of conduct apply to everyone, whatever their position.',
    },
    { ...dontKnow, reverse: true },
  ),
];

// Ethical leadership of the direct manager: integrity, checking how one's behaviour lands, organising contradiction,
// handling incidents fairly. Informed by the construct of Brown et al. (2005) and the source document's call for
// leaders who test how their behaviour is experienced; the wording is this project's own.
const ethicalLeadership = [
  agree(
    'el_honest',
    {
      nl: 'Mijn leidinggevende is eerlijk tegen ons, ook als het nieuws niet leuk is.',
      en: 'My manager is honest with us, even when the news is unwelcome.',
    },
    dontKnow,
  ),
  agree(
    'el_asks_how_it_lands',
    {
      nl: 'Mijn leidinggevende vraagt na hoe het eigen gedrag overkomt op anderen.',
      en: 'My manager checks how their own behaviour comes across to others.',
    },
    dontKnow,
  ),
  agree(
    'el_invites_other_views',
    {
      nl: 'Mijn leidinggevende vraagt actief om andere meningen, ook als die ingaan tegen de eigen mening.',
      en: 'My manager actively asks for other views, including views that go against their own.',
    },
    dontKnow,
  ),
  agree(
    'el_acts_on_misconduct',
    {
      nl: 'Mijn leidinggevende grijpt in als iemand zich onacceptabel gedraagt.',
      en: 'My manager steps in when someone behaves unacceptably.',
    },
    dontKnow,
  ),
  agree(
    'el_fair_with_complaints',
    {
      nl: 'Mijn leidinggevende gaat eerlijk om met klachten over gedrag, wie er ook bij betrokken is.',
      en: 'My manager deals fairly with complaints about behaviour, whoever is involved.',
    },
    dontKnow,
  ),
  agree(
    'el_looks_away',
    {
      nl: 'Mijn leidinggevende kijkt weg als er problemen tussen mensen zijn.',
      en: 'My manager looks the other way when there are problems between people.',
    },
    { ...dontKnow, reverse: true },
  ),
  agree(
    'el_genuine_interest',
    {
      nl: 'Mijn leidinggevende toont oprechte interesse in hoe het met mij gaat.',
      en: 'My manager shows genuine interest in how I am doing.',
    },
    dontKnow,
  ),
];

export const hierarchyLeadershipPart: QuestionnairePart = {
  sections: [
    section(
      'hierarchy',
      { nl: 'Hiërarchie en afhankelijkheid', en: 'Hierarchy and dependency' },
      {
        nl: 'Deze vragen gaan over de verhoudingen in je organisatie: tussen jou en mensen die hoger in de organisatie staan of van wie je afhankelijk bent.',
        en: 'These questions are about relationships in your organisation: between you and people who are higher up or on whom you depend.',
      },
      [...speakingUpUpwards, ...dependency, ...repercussions, ...untouchables],
    ),
    section(
      'manager',
      { nl: 'Je leidinggevende', en: 'Your manager' },
      {
        nl: 'Deze vragen gaan over je direct leidinggevende: de persoon aan wie je rechtstreeks verantwoording aflegt. Heb je geen leidinggevende, kies dan ‘Weet ik niet / niet van toepassing’.',
        en: 'These questions are about your direct manager: the person you report to directly. If you have no manager, choose ‘Don’t know / not applicable’.',
      },
      ethicalLeadership,
    ),
  ],
  scales: [
    scale({
      id: 'speaking_up_upwards',
      domain: 'hierarchy-dependency',
      title: { nl: 'Tegenspraak naar boven', en: 'Speaking up to those higher up' },
      items: speakingUpUpwards,
      direction: 'higher-is-better',
    }),
    scale({
      id: 'dependency',
      domain: 'hierarchy-dependency',
      title: { nl: 'Afhankelijkheid van één persoon', en: 'Dependency on one person' },
      items: dependency,
      direction: 'higher-is-worse',
    }),
    scale({
      id: 'fear_of_repercussions',
      domain: 'hierarchy-dependency',
      title: { nl: 'Angst voor negatieve gevolgen', en: 'Fear of repercussions' },
      items: repercussions,
      direction: 'higher-is-worse',
    }),
    scale({
      id: 'untouchables',
      domain: 'hierarchy-dependency',
      title: { nl: 'Onaantastbare personen', en: 'Untouchable people' },
      description: {
        nl: 'In hoeverre sommige mensen boven de regels lijken te staan.',
        en: 'How far some people seem to be above the rules.',
      },
      items: untouchables,
      direction: 'higher-is-worse',
    }),
    scale({
      id: 'ethical_leadership',
      domain: 'ethical-leadership',
      title: { nl: 'Ethisch leiderschap van de leidinggevende', en: 'Ethical leadership of the manager' },
      items: ethicalLeadership,
      direction: 'higher-is-better',
    }),
  ],
};
