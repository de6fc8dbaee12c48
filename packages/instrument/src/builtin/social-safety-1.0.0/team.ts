import { agree, scale, section, type QuestionnairePart } from '../builders';

// Team psychological safety: speaking up, mistakes, asking for help, being yourself, trying new things.
// Informed by the construct of Edmondson (1999); the wording is this project's own.
const psychologicalSafety = [
  agree('ps_raise_problems', {
    nl: 'In mijn team kan ik een probleem aankaarten zonder me zorgen te maken over hoe anderen reageren.',
    en: 'In my team, I can raise a problem without worrying about how others will react.',
  }),
  agree(
    'ps_mistakes_remembered',
    {
      nl: 'In mijn team wordt iemand die een fout maakt daar lang op aangekeken.',
      en: 'In my team, someone who makes a mistake keeps being reminded of it.',
    },
    { reverse: true },
  ),
  agree('ps_learn_from_mistakes', {
    nl: 'In mijn team bespreken we fouten openlijk, zodat we ervan kunnen leren.',
    en: 'In my team, we talk openly about mistakes so that we can learn from them.',
  }),
  agree(
    'ps_hesitate_to_ask_help',
    {
      nl: 'Ik aarzel om mijn teamgenoten om hulp te vragen.',
      en: 'I hesitate to ask my team members for help.',
    },
    { reverse: true },
  ),
  agree('ps_be_yourself', {
    nl: 'Ik kan mezelf zijn in mijn team.',
    en: 'I can be myself in my team.',
  }),
  agree(
    'ps_different_left_out',
    {
      nl: 'Mensen in mijn team die anders denken of doen, vallen erbuiten.',
      en: 'People in my team who think or act differently are left out.',
    },
    { reverse: true },
  ),
  agree('ps_new_ideas', {
    nl: 'In mijn team kan ik een nieuw idee voorstellen, ook als het misschien niet werkt.',
    en: 'In my team, I can suggest a new idea, even if it might not work.',
  }),
];

// Professional work attitude (source document): open to feedback, behaviour separated from the person.
const feedback = [
  agree('fb_tell_each_other', {
    nl: 'In mijn team zeggen we het tegen elkaar als we iemands gedrag niet prettig vinden.',
    en: 'In my team, we tell each other when we find someone’s behaviour unpleasant.',
  }),
  agree('fb_want_to_hear', {
    nl: 'Ik wil het horen als iemand last heeft van mijn gedrag.',
    en: 'I want to hear it when my behaviour bothers someone.',
  }),
  agree('fb_behaviour_not_person', {
    nl: 'Feedback in mijn team gaat over iemands gedrag, niet over de persoon zelf.',
    en: 'Feedback in my team is about someone’s behaviour, not about the person.',
  }),
  agree(
    'fb_leads_to_tension',
    {
      nl: 'In mijn team leidt feedback geven al snel tot spanning of ruzie.',
      en: 'In my team, giving feedback quickly leads to tension or conflict.',
    },
    { reverse: true },
  ),
  agree('fb_behaviour_adjusted', {
    nl: 'Na feedback passen mensen in mijn team hun gedrag aan.',
    en: 'After feedback, people in my team adjust their behaviour.',
  }),
];

// Respect and equal treatment, whatever someone's position or background (source document).
const respect = [
  agree('re_respect_any_position', {
    nl: 'Mensen in mijn team gaan respectvol met elkaar om, wat hun functie ook is.',
    en: 'People in my team treat each other with respect, whatever their job or position.',
  }),
  agree('re_equal_treatment', {
    nl: 'In mijn team wordt iedereen gelijkwaardig behandeld, ongeacht iemands achtergrond.',
    en: 'In my team, everyone is treated as an equal, whatever their background.',
  }),
  agree(
    're_fewer_chances',
    {
      nl: 'Sommige mensen in mijn team krijgen zonder goede reden minder waardering of kansen dan anderen.',
      en: 'Some people in my team get less credit or fewer chances than others, without a good reason.',
    },
    { reverse: true },
  ),
  agree('re_valued_as_person', {
    nl: 'Ik voel me door mijn collega’s gewaardeerd als mens.',
    en: 'I feel valued as a person by my colleagues.',
  }),
  agree(
    're_jokes_at_expense',
    {
      nl: 'In mijn team worden grappen gemaakt ten koste van anderen.',
      en: 'In my team, people make jokes at the expense of others.',
    },
    { reverse: true },
  ),
];

export const teamPart: QuestionnairePart = {
  sections: [
    section(
      'team',
      { nl: 'Je team', en: 'Your team' },
      {
        nl: 'Deze vragen gaan over je team: de mensen met wie je het vaakst samenwerkt. Kies het antwoord dat het best bij jouw ervaring past.',
        en: 'These questions are about your team: the people you work with most often. Choose the answer that best fits your experience.',
      },
      psychologicalSafety,
    ),
    section(
      'feedback_respect',
      { nl: 'Feedback en respect', en: 'Feedback and respect' },
      {
        nl: 'Deze vragen gaan over hoe mensen in je team elkaar feedback geven en met elkaar omgaan.',
        en: 'These questions are about how people in your team give each other feedback and treat each other.',
      },
      [...feedback, ...respect],
    ),
  ],
  scales: [
    scale({
      id: 'psychological_safety',
      domain: 'psychological-safety',
      title: { nl: 'Psychologische veiligheid in het team', en: 'Team psychological safety' },
      description: {
        nl: 'In hoeverre mensen in het team problemen kunnen aankaarten, fouten kunnen bespreken, om hulp kunnen vragen en zichzelf kunnen zijn.',
        en: 'How far people in the team can raise problems, discuss mistakes, ask for help and be themselves.',
      },
      items: psychologicalSafety,
      direction: 'higher-is-better',
    }),
    scale({
      id: 'feedback',
      domain: 'feedback-attitude',
      title: { nl: 'Feedback geven en ontvangen', en: 'Giving and receiving feedback' },
      description: {
        nl: 'In hoeverre mensen elkaar aanspreken op gedrag, daarvoor openstaan en er iets mee doen.',
        en: 'How far people address each other’s behaviour, are open to it and act on it.',
      },
      items: feedback,
      direction: 'higher-is-better',
    }),
    scale({
      id: 'respect',
      domain: 'feedback-attitude',
      title: { nl: 'Respect en gelijkwaardigheid', en: 'Respect and equal treatment' },
      description: {
        nl: 'In hoeverre mensen respectvol en gelijkwaardig met elkaar omgaan, ongeacht positie of achtergrond.',
        en: 'How far people treat each other with respect and as equals, whatever their position or background.',
      },
      items: respect,
      direction: 'higher-is-better',
    }),
  ],
};
