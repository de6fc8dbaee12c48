import type { MessageKey } from './en';

/** Dutch messages, in the informal "je" of the questionnaire itself. Typed against the English keys. */
export const nl: Record<MessageKey, string> = {
  'page.title': '{title} — vragenlijst',
  'page.loading': 'De vragenlijst wordt geladen…',
  'header.label': 'Vragenlijst',
  'header.skip': 'Naar de vragen',
  'language.label': 'Taal',
  'language.switching': 'Taal wordt gewisseld…',
  'language.failed': 'De vragenlijst kon nu niet in deze taal worden getoond: {reason} Je antwoorden blijven bewaard.',
  'footer.anonymity': 'Anoniem: uitkomsten worden alleen getoond voor groepen van minstens {k} mensen.',

  'welcome.for': 'Voor iedereen in: {unit}',
  'welcome.about': 'Waar deze vragenlijst over gaat',
  'welcome.duration': 'Hoe lang het duurt',
  'welcome.durationText': 'Ongeveer {minutes} minuten, in {parts} delen.',
  'welcome.pausePersonal': 'Je kunt op elk moment stoppen en later verdergaan met dezelfde link, op dit of een ander apparaat.',
  'welcome.pauseOpen':
    'Deze link wordt door meerdere mensen gebruikt. Daarom wordt je voortgang alleen in deze browser bewaard. Vul de vragenlijst in één keer in op dit apparaat.',
  'welcome.lastDay': 'Je kunt antwoorden tot en met {date}.',
  'welcome.start': 'Begin met de vragenlijst',
  'welcome.resume': 'Ga verder waar je was',
  'welcome.resumed.one': 'Welkom terug. Je {count} antwoord tot nu toe is bewaard.',
  'welcome.resumed.other': 'Welkom terug. Je {count} antwoorden tot nu toe zijn bewaard.',

  'progress.label': 'Voortgang',
  'progress.step': 'Deel {current} van {total}',
  'nav.label': 'Door de vragenlijst bladeren',
  'nav.previous': 'Vorige',
  'nav.next': 'Volgende',
  'nav.toReview': 'Controleren en versturen',

  'question.required': '(verplicht)',
  'question.missing': 'Beantwoord deze vraag om verder te gaan.',
  'question.textCount': '{count} van {max} tekens',
  'question.followUps.one': 'Hieronder is een vervolgvraag verschenen.',
  'question.followUps.other': 'Hieronder zijn {count} vervolgvragen verschenen.',
  'errors.title': 'Voordat je verdergaat',

  'demographics.title': 'Over jou',
  'demographics.intro':
    'Deze vragen zijn niet verplicht. Ze worden alleen gebruikt om groepen te vergelijken, en een groep wordt alleen getoond als er minstens {k} mensen in zitten. Je kunt “zeg ik liever niet” kiezen of een vraag overslaan.',

  'review.title': 'Controleren en versturen',
  'review.intro':
    'Zo veel vragen heb je per deel beantwoord. Vragen overslaan mag. Als je je antwoorden hebt verstuurd, kun je ze niet meer veranderen.',
  'review.parts': 'Je antwoorden per deel',
  'review.answered': '{answered} van {total} beantwoord',
  'review.change': 'Wijzigen',
  'review.missing.one': 'Eén verplichte vraag is nog niet beantwoord.',
  'review.missing.other': '{count} verplichte vragen zijn nog niet beantwoord.',
  'review.send': 'Verstuur mijn antwoorden',
  'review.sending': 'Je antwoorden worden verstuurd…',

  'save.personal': 'Je antwoorden worden tussendoor bewaard.',
  'save.saving': 'Bezig met bewaren…',
  'save.saved': 'Alle antwoorden zijn bewaard.',
  'save.device': 'Je antwoorden blijven in deze browser tot je ze verstuurt.',
  'save.offline':
    'Nog niet bewaard: er is geen verbinding. Je antwoorden blijven op dit apparaat staan en worden bewaard zodra de verbinding terug is.',
  'save.waiting': 'Nog niet bewaard: de dienst is druk. Je antwoorden blijven op dit apparaat staan; we proberen het zo opnieuw.',
  'save.refused': 'Je laatste antwoorden konden niet worden bewaard: {reason}',
  'save.restored': 'Weer bewaard. Er is niets verloren gegaan.',

  'send.offline':
    'Je antwoorden zijn nog niet verstuurd: er is geen verbinding. Ze blijven op dit apparaat staan en worden vanzelf verstuurd zodra de verbinding terug is.',
  'send.busy': 'Je antwoorden zijn nog niet verstuurd: de dienst is druk. Ze blijven op dit apparaat staan; we proberen het zo opnieuw.',
  'send.refused': 'Je antwoorden konden niet worden aangenomen: {reason}',
  'send.retryNow': 'Nu opnieuw proberen',

  'thanks.title': 'Bedankt voor je deelname',
  'thanks.received': 'Je antwoorden zijn ontvangen op {date}.',
  'thanks.receipt': 'Je ontvangstbewijs',
  'thanks.receiptNote':
    'Deze code laat zien dat je antwoorden zijn aangekomen. Je antwoorden zijn er niet mee terug te vinden. Je mag de code bewaren, maar dat hoeft niet. Je kunt deze pagina nu sluiten.',

  'problem.notFound.title': 'Deze link werkt niet',
  'problem.notFound.body': 'Misschien is hij verkeerd overgenomen, of is hij ingetrokken. Vraag degene die hem stuurde om een nieuwe.',
  'problem.used.title': 'Met deze link zijn al antwoorden verstuurd',
  'problem.used.body': 'Bedankt voor je deelname. Een persoonlijke link werkt één keer en kan dus niet nog eens worden gebruikt.',
  'problem.notOpen.title': 'Deze vragenlijst is nog niet begonnen',
  'problem.notOpen.body': 'Hij gaat open op {date}. Kom dan terug: vanaf die dag werkt deze link.',
  'problem.notOpenUndated.body': 'Hij is nog niet open. Kom later terug: deze link werkt zodra hij opengaat.',
  'problem.closed.title': 'Deze vragenlijst is gesloten',
  'problem.closed.body': 'De laatste dag om te antwoorden was {date}. Er kunnen geen antwoorden meer worden verstuurd.',
  'problem.closedUndated.body': 'Er kunnen geen antwoorden meer worden verstuurd.',
  'problem.unreachable.title': 'De vragenlijst is niet bereikbaar',
  'problem.unreachable.body': 'Controleer je internetverbinding en probeer het opnieuw. Was je al begonnen? Dan zijn je antwoorden bewaard.',
  'problem.rateLimited.title': 'Even geduld',
  'problem.rateLimited.body.one': 'Er kwamen veel verzoeken van jouw netwerk. Probeer het over {count} seconde opnieuw.',
  'problem.rateLimited.body.other': 'Er kwamen veel verzoeken van jouw netwerk. Probeer het over {count} seconden opnieuw.',
  'problem.unexpected.title': 'Er ging iets mis',
  'problem.unexpected.body': 'De vragenlijst kon niet worden geladen: {reason} Probeer het zo opnieuw.',
  'problem.retry': 'Opnieuw proberen',

  'reason.network': 'er is geen verbinding.',
  'reason.busy': 'de dienst is druk.',
};
