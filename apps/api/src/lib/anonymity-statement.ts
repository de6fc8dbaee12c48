/**
 * What a respondent is told about their anonymity before answering, in plain language (B1), per language. Every
 * sentence must stay true of the code: change the statement when the guarantees change (docs/anonymity.md).
 * Kept on the server so that every client shows the same promise, with the measurement's own k filled in.
 */
export interface AnonymityStatement {
  language: string;
  title: string;
  points: string[];
}

type Catalogue = Record<string, (k: number, drafts: boolean) => Omit<AnonymityStatement, 'language'>>;

const catalogue: Catalogue = {
  en: (k, drafts) => ({
    title: 'Your answers are anonymous',
    points: [
      'Your answers are stored without your name, your email address, this link, your IP address, your device or the time you answered. Only the date is kept.',
      'The system does not record which answers came from which link. Nobody, not your manager and not HR, can look up your answers.',
      `Results are only shown after the survey has closed, and only for groups of at least ${k} people. Smaller groups are hidden, also when they could be worked out by subtracting one group from another.`,
      drafts
        ? 'Until you send your answers, your progress is saved with this link so that you can continue later. It is deleted when you send your answers, and when the survey closes.'
        : 'This link is shared by several people, so your progress is not saved on the server. Please answer in one go.',
      'Of this link, only a fingerprint is stored that cannot be turned back into the link.',
    ],
  }),
  nl: (k, drafts) => ({
    title: 'Je antwoorden zijn anoniem',
    points: [
      'Je antwoorden worden bewaard zonder je naam, je e-mailadres, deze link, je IP-adres, je apparaat of het tijdstip waarop je antwoordde. Alleen de datum wordt bewaard.',
      'Het systeem legt niet vast welke antwoorden bij welke link horen. Niemand, niet je leidinggevende en niet HR, kan je antwoorden opzoeken.',
      `Uitkomsten worden pas getoond als de vragenlijst gesloten is, en alleen voor groepen van minstens ${k} mensen. Kleinere groepen blijven verborgen, ook als ze uit te rekenen zouden zijn door de ene groep van de andere af te trekken.`,
      drafts
        ? 'Tot je je antwoorden verstuurt, wordt je voortgang bij deze link bewaard, zodat je later verder kunt. Die wordt verwijderd zodra je verstuurt, en als de vragenlijst sluit.'
        : 'Deze link wordt door meerdere mensen gebruikt. Daarom wordt je voortgang niet op de server bewaard. Vul de vragenlijst in één keer in.',
      'Van deze link wordt alleen een vingerafdruk bewaard waaruit de link niet terug te halen is.',
    ],
  }),
};

/** The statement in `language`, or in English when the catalogue has no text in that language. */
export function anonymityStatement(language: string, k: number, drafts: boolean): AnonymityStatement {
  const text = catalogue[language] ?? catalogue.en!;
  return { language: catalogue[language] ? language : 'en', ...text(k, drafts) };
}
