/**
 * Names for the demo organisation's units: a Dutch care group (hospital care, long-term care and the services around
 * them), because that is where the product's users are most often found and where NEA reports the most unwanted
 * behaviour (30 % in care in 2023, docs/instrument.md). Invented names: any likeness to a real organisation's units
 * is as generic as "Polikliniek Oost".
 */
export interface DivisionTheme {
  name: string;
  departments: readonly string[];
  teams: readonly string[];
}

export const DIVISION_THEMES: readonly DivisionTheme[] = [
  {
    name: 'Zorg',
    departments: [
      'Polikliniek Oost',
      'Polikliniek West',
      'Verpleegafdeling Noord',
      'Verpleegafdeling Zuid',
      'Spoedeisende Hulp',
      'Operatiecentrum',
      'Intensive Care',
      'Moeder en Kind',
      'Dagbehandeling',
      'Revalidatie',
    ],
    teams: [
      'Team Interne Geneeskunde',
      'Team Cardiologie',
      'Team Longziekten',
      'Team Chirurgie',
      'Team Orthopedie',
      'Team Neurologie',
      'Team Geriatrie',
      'Team Anesthesie',
      'Team Kindergeneeskunde',
      'Team Verloskunde',
      'Team Fysiotherapie',
      'Team Verpleging Nacht',
    ],
  },
  {
    name: 'Langdurige Zorg',
    departments: [
      'Woonzorgcentrum De Hoven',
      'Woonzorgcentrum Het Baken',
      'Woonzorgcentrum Rivierzicht',
      'Thuiszorg Centrum',
      'Thuiszorg Buitengebied',
      'Dagbesteding',
    ],
    teams: [
      'Team Wijkverpleging',
      'Team Psychogeriatrie',
      'Team Somatiek',
      'Team Huiskamer',
      'Team Nachtzorg',
      'Team Dagbesteding',
      'Team Zorgcoördinatie',
    ],
  },
  {
    name: 'Bedrijfsvoering',
    departments: ['Financiën', 'HR en Organisatie', 'Inkoop', 'Juridische Zaken', 'Communicatie', 'Kwaliteit en Veiligheid'],
    teams: [
      'Team Salarisadministratie',
      'Team Control',
      'Team Crediteuren',
      'Team Werving en Selectie',
      'Team Arbo en Verzuim',
      'Team Contractbeheer',
      'Team Beleid',
      'Team Secretariaat',
    ],
  },
  {
    name: 'Facilitair Bedrijf',
    departments: ['Schoonmaak', 'Voeding', 'Beveiliging en Receptie', 'Technische Dienst', 'Logistiek'],
    teams: [
      'Team Schoonmaak Dag',
      'Team Schoonmaak Avond',
      'Team Keuken',
      'Team Receptie',
      'Team Installatietechniek',
      'Team Magazijn',
      'Team Vervoer',
    ],
  },
  {
    name: 'ICT en Data',
    departments: ['Servicedesk', 'Applicatiebeheer', 'Infrastructuur', 'Informatiebeveiliging', 'Data en Analyse'],
    teams: ['Team Werkplek', 'Team EPD', 'Team Netwerk', 'Team Cloud', 'Team Business Intelligence', 'Team Privacy'],
  },
  {
    name: 'Onderwijs en Onderzoek',
    departments: ['Leerhuis', 'Wetenschapsbureau', 'Opleidingen'],
    teams: ['Team Praktijkopleiding', 'Team Stagebureau', 'Team Onderzoeksondersteuning', 'Team E-learning'],
  },
];

/** The organisation's name when none is given (always shown behind "Demo — "). */
export const DEFAULT_ORGANISATION_NAME = 'Zorggroep Lindehof';
