/**
 * English messages of the survey. The survey has its own small catalogue so that the console's messages stay out of
 * its bundle. The keys of this catalogue are the source of truth: every other language must have them all.
 * Keys ending in `.one` / `.other` are the singular and plural forms of one message.
 */
export const en = {
  'page.title': '{title} — survey',
  'page.loading': 'Loading the survey…',
  'header.label': 'Survey',
  'header.skip': 'Skip to the questions',
  'language.label': 'Language',
  'language.switching': 'Switching language…',
  'language.failed': 'The survey could not be shown in this language just now: {reason} Your answers are kept.',
  'footer.anonymity': 'Anonymous: results are only shown for groups of at least {k} people.',

  'welcome.for': 'For everyone in: {unit}',
  'welcome.about': 'What this survey is about',
  'welcome.duration': 'How long it takes',
  'welcome.durationText': 'About {minutes} minutes, in {parts} parts.',
  'welcome.pausePersonal': 'You can stop at any time and continue later with the same link, on this or another device.',
  'welcome.pauseOpen': 'This link is shared by several people, so your progress is kept only in this browser. Please answer in one go on this device.',
  'welcome.lastDay': 'You can answer until {date}.',
  'welcome.start': 'Start the survey',
  'welcome.resume': 'Continue where you left off',
  'welcome.resumed.one': 'Welcome back. Your {count} answer so far was kept.',
  'welcome.resumed.other': 'Welcome back. Your {count} answers so far were kept.',

  'progress.label': 'Progress',
  'progress.step': 'Part {current} of {total}',
  'nav.label': 'Move through the survey',
  'nav.previous': 'Previous',
  'nav.next': 'Next',
  'nav.toReview': 'Check and send',

  'question.required': '(required)',
  'question.missing': 'Answer this question to continue.',
  'question.textCount': '{count} of {max} characters',
  'question.followUps.one': 'A follow-up question was added below.',
  'question.followUps.other': '{count} follow-up questions were added below.',
  'errors.title': 'Before you continue',

  'demographics.title': 'About you',
  'demographics.intro':
    'These questions are optional. They are only used to compare groups, and a group is only shown when at least {k} people are in it. You can choose “prefer not to say” or skip a question.',

  'review.title': 'Check and send',
  'review.intro':
    'This is how many questions you answered in each part. Skipping questions is fine. Once you send your answers, they can no longer be changed.',
  'review.parts': 'Your answers per part',
  'review.answered': '{answered} of {total} answered',
  'review.change': 'Change',
  'review.missing.one': 'One required question has not been answered yet.',
  'review.missing.other': '{count} required questions have not been answered yet.',
  'review.send': 'Send my answers',
  'review.sending': 'Sending your answers…',

  'save.personal': 'Your answers are saved as you go.',
  'save.saving': 'Saving…',
  'save.saved': 'All answers saved.',
  'save.device': 'Your answers are kept in this browser until you send them.',
  'save.offline': 'Not saved yet: there is no connection. Your answers are kept on this device and saved as soon as the connection is back.',
  'save.waiting': 'Not saved yet: the service is busy. Your answers are kept on this device; we try again in a moment.',
  'save.refused': 'Your latest answers could not be saved: {reason}',
  'save.restored': 'Saved again. Nothing was lost.',

  'send.offline':
    'Your answers have not been sent yet: there is no connection. They are kept on this device and sent automatically as soon as the connection is back.',
  'send.busy': 'Your answers have not been sent yet: the service is busy. They are kept on this device; we try again in a moment.',
  'send.refused': 'Your answers could not be accepted: {reason}',
  'send.retryNow': 'Try again now',

  'thanks.title': 'Thank you for taking part',
  'thanks.received': 'Your answers were received on {date}.',
  'thanks.receipt': 'Your receipt',
  'thanks.receiptNote':
    'This code shows that your answers arrived. It cannot be used to look up your answers. You may keep it, but you do not need to. You can close this page now.',

  'problem.notFound.title': 'This link does not work',
  'problem.notFound.body': 'It may be mistyped, or it was withdrawn. Ask whoever sent it to you for a new one.',
  'problem.used.title': 'Answers were already sent with this link',
  'problem.used.body': 'Thank you for taking part. A personal link can be used once, so it cannot be used again.',
  'problem.notOpen.title': 'This survey has not started yet',
  'problem.notOpen.body': 'It opens on {date}. Please come back then: this link will work from that day.',
  'problem.notOpenUndated.body': 'It is not open yet. Please come back later: this link will work once it opens.',
  'problem.closed.title': 'This survey has closed',
  'problem.closed.body': 'The last day to answer was {date}. Answers can no longer be sent.',
  'problem.closedUndated.body': 'Answers can no longer be sent.',
  'problem.unreachable.title': 'The survey could not be reached',
  'problem.unreachable.body': 'Check your internet connection and try again. If you had already started, your answers are kept.',
  'problem.rateLimited.title': 'Please wait a moment',
  'problem.rateLimited.body.one': 'Many requests came from your network. Try again in {count} second.',
  'problem.rateLimited.body.other': 'Many requests came from your network. Try again in {count} seconds.',
  'problem.unexpected.title': 'Something went wrong',
  'problem.unexpected.body': 'The survey could not be loaded: {reason} Try again in a moment.',
  'problem.retry': 'Try again',

  'reason.network': 'there is no connection.',
  'reason.busy': 'the service is busy.',
} as const;

export type MessageKey = keyof typeof en;
