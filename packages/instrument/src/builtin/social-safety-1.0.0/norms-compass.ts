import { agree, scale, section, type QuestionnairePart } from '../builders';

const dontKnow = { allowDontKnow: true };

// Group pressure and conformity (source document): wanting to belong makes people go along with the group's norms,
// one reason why bystanders do not step in.
const conformity = [
  agree('cb_go_along_expected', {
    nl: 'In mijn team wordt verwacht dat je meegaat met wat de groep vindt.',
    en: 'In my team, you are expected to go along with what the group thinks.',
  }),
  agree('cb_unwritten_rules', {
    nl: 'Wie ingaat tegen de ongeschreven regels van mijn team, krijgt dat te merken.',
    en: 'Anyone who goes against the unwritten rules of my team is made to feel it.',
  }),
  agree('cb_go_along_myself', {
    nl: 'Ik ga in mijn team soms mee in dingen waar ik het eigenlijk niet mee eens ben.',
    en: 'In my team, I sometimes go along with things I do not actually agree with.',
  }),
  agree(
    'cb_different_opinion_fine',
    {
      nl: 'In mijn team is het prima om een andere mening te hebben dan de rest.',
      en: 'In my team, it is fine to have a different opinion from the rest.',
    },
    { reverse: true },
  ),
];

// Bystanders: whether colleagues step in when they see unwanted behaviour, and whether the respondent would.
const bystanderAction = [
  agree(
    'cb_colleagues_step_in',
    {
      nl: 'Als iemand in mijn team slecht wordt behandeld, komen collega’s in actie.',
      en: 'When someone in my team is treated badly, colleagues take action.',
    },
    dontKnow,
  ),
  agree(
    'cb_look_away',
    {
      nl: 'In mijn team kijken mensen weg als iemand over de grens gaat.',
      en: 'In my team, people look away when someone crosses a line.',
    },
    { ...dontKnow, reverse: true },
  ),
  agree(
    'cb_support_target',
    {
      nl: 'Collega’s steunen iemand die slecht is behandeld.',
      en: 'Colleagues support someone who has been treated badly.',
    },
    dontKnow,
  ),
  agree('cb_i_would_speak_up', {
    nl: 'Als ik zie dat een collega slecht wordt behandeld, zeg ik daar iets van.',
    en: 'When I see a colleague being treated badly, I say something about it.',
  }),
  agree('cb_know_what_to_do', {
    nl: 'Ik weet wat ik kan doen als ik op mijn werk ongewenst gedrag zie.',
    en: 'I know what I can do when I see unwanted behaviour at work.',
  }),
];

// The organisational compass (source document's recommendation): a code of conduct that is known and lived.
const codeOfConduct = [
  agree('cr_clear_what_is_acceptable', {
    nl: 'Mijn organisatie heeft duidelijk gemaakt welk gedrag wel en niet acceptabel is.',
    en: 'My organisation has made clear which behaviour is and is not acceptable.',
  }),
  agree('cr_know_code', {
    nl: 'Ik weet wat er in de gedragscode van mijn organisatie staat.',
    en: 'I know what my organisation’s code of conduct says.',
  }),
  agree('cr_team_discusses_norms', {
    nl: 'In mijn team praten we over wat we acceptabel gedrag vinden.',
    en: 'In my team, we talk about what we consider acceptable behaviour.',
  }),
  agree(
    'cr_code_only_on_paper',
    {
      nl: 'De gedragsregels van mijn organisatie staan op papier, maar in de praktijk merk je er weinig van.',
      en: 'My organisation’s rules of conduct exist on paper, but you see little of them in practice.',
    },
    { ...dontKnow, reverse: true },
  ),
];

const reportingKnowledge = [
  agree('cr_know_where_to_report', {
    nl: 'Ik weet waar ik in mijn organisatie ongewenst gedrag kan melden.',
    en: 'I know where I can report unwanted behaviour in my organisation.',
  }),
  agree('cr_know_confidential_adviser', {
    nl: 'Ik weet hoe ik de vertrouwenspersoon van mijn organisatie kan bereiken.',
    en: 'I know how to reach my organisation’s confidential adviser.',
  }),
  agree('cr_know_what_happens', {
    nl: 'Ik weet wat er gebeurt nadat iemand een melding heeft gedaan.',
    en: 'I know what happens after someone has made a report.',
  }),
];

// Trust in reporting (meldingsbereidheid): marked sensitive, so it falls under k_sensitive like the incident items.
const reportingTrust = [
  agree(
    'cr_taken_seriously',
    {
      nl: 'Als ik ongewenst gedrag meld, wordt dat serieus genomen.',
      en: 'If I report unwanted behaviour, it will be taken seriously.',
    },
    { ...dontKnow, sensitive: true },
  ),
  agree(
    'cr_handled_confidentially',
    {
      nl: 'Meldingen van ongewenst gedrag worden hier vertrouwelijk behandeld.',
      en: 'Reports of unwanted behaviour are handled confidentially here.',
    },
    { ...dontKnow, sensitive: true },
  ),
  agree(
    'cr_handled_fairly',
    {
      nl: 'Meldingen worden hier eerlijk afgehandeld, over wie ze ook gaan.',
      en: 'Reports are dealt with fairly here, whoever they are about.',
    },
    { ...dontKnow, sensitive: true },
  ),
  agree(
    'cr_reporter_disadvantaged',
    {
      nl: 'Wie hier ongewenst gedrag meldt, loopt het risico daar zelf nadeel van te ondervinden.',
      en: 'Anyone who reports unwanted behaviour here risks being put at a disadvantage for it.',
    },
    { ...dontKnow, reverse: true, sensitive: true },
  ),
  agree(
    'cr_would_report',
    {
      nl: 'Als ik ongewenst gedrag meemaak, zou ik het melden.',
      en: 'If I experienced unwanted behaviour, I would report it.',
    },
    { sensitive: true },
  ),
];

export const normsCompassPart: QuestionnairePart = {
  sections: [
    section(
      'group_norms',
      { nl: 'Groepsnormen en ingrijpen', en: 'Group norms and stepping in' },
      {
        nl: 'Deze vragen gaan over de ongeschreven regels in je team en over wat mensen doen als iemand slecht wordt behandeld.',
        en: 'These questions are about the unwritten rules in your team and about what people do when someone is treated badly.',
      },
      [...conformity, ...bystanderAction],
    ),
    section(
      'conduct_reporting',
      { nl: 'Gedragsregels en melden', en: 'Rules of conduct and reporting' },
      {
        nl: 'Deze vragen gaan over de afspraken over gedrag in je organisatie en over het melden van ongewenst gedrag. Met de vertrouwenspersoon bedoelen we de persoon bij wie je in vertrouwen terechtkunt met vragen of klachten over ongewenst gedrag.',
        en: 'These questions are about the agreements on behaviour in your organisation and about reporting unwanted behaviour. By confidential adviser we mean the person you can turn to in confidence with questions or complaints about unwanted behaviour (in Dutch: vertrouwenspersoon).',
      },
      [...codeOfConduct, ...reportingKnowledge, ...reportingTrust],
    ),
  ],
  scales: [
    scale({
      id: 'conformity_pressure',
      domain: 'conformity-bystanders',
      title: { nl: 'Groepsdruk', en: 'Pressure to conform' },
      items: conformity,
      direction: 'higher-is-worse',
    }),
    scale({
      id: 'bystander_action',
      domain: 'conformity-bystanders',
      title: { nl: 'Ingrijpen bij ongewenst gedrag', en: 'Stepping in when seeing unwanted behaviour' },
      items: bystanderAction,
      direction: 'higher-is-better',
    }),
    scale({
      id: 'code_of_conduct',
      domain: 'compass-reporting',
      title: { nl: 'Gedragscode gekend en nageleefd', en: 'Code of conduct known and lived' },
      items: codeOfConduct,
      direction: 'higher-is-better',
    }),
    scale({
      id: 'reporting_knowledge',
      domain: 'compass-reporting',
      title: { nl: 'Weten waar je terechtkunt', en: 'Knowing where to turn' },
      items: reportingKnowledge,
      direction: 'higher-is-better',
    }),
    scale({
      id: 'reporting_trust',
      domain: 'compass-reporting',
      title: { nl: 'Vertrouwen in melden', en: 'Trust in reporting' },
      items: reportingTrust,
      direction: 'higher-is-better',
      sensitive: true,
    }),
  ],
};
