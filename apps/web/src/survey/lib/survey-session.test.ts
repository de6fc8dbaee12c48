import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localCopyKey, readLocalCopy, writeLocalCopy, type LocalCopy } from './local-copy';
import type { SurveyData } from './survey-api';
import { SAVE_DELAY_MS, SurveySession } from './survey-session.svelte';
import { surveyData } from './test-support';

const TOKEN = 'a-token-for-session-tests';

interface Sent {
  method: string;
  url: string;
  body: Record<string, unknown> | undefined;
}
type Reply = { status: number; body?: unknown } | 'network';

/** The survey API as a function of the request; 'network' fails like a lost connection. */
function fakeApi(reply: (method: string, url: string, body: Record<string, unknown> | undefined) => Reply): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request = { method: init.method ?? 'GET', url: String(input), body: init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined };
    sent.push(request);
    const answer = reply(request.method, request.url, request.body);
    if (answer === 'network') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body ?? null), { status: answer.status, headers: { 'content-type': 'application/json' } });
  });
  return sent;
}

const apiError = (status: number, code: string, details?: unknown): Reply => ({ status, body: { error: { code, message: code, details } } });
const receipt = { receipt: 'A3F0-19C2-7B44-E0D1', submittedOn: '2026-12-10' };

function copy(overrides: Partial<LocalCopy>): LocalCopy {
  return { language: 'en', answers: {}, demographics: {}, changedAt: '2026-12-10T09:00:00.000Z', basedOn: null, ...overrides };
}

/** Every session a test made, disposed after it: none may go on saving into the next test's fake API. */
const sessions: SurveySession[] = [];
function newSession(token: string): SurveySession {
  const session = new SurveySession(token);
  sessions.push(session);
  return session;
}

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/s/x');
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB', 'en']);
});
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const survey = (overrides: Partial<SurveyData> = {}, language = 'en'): Reply => ({ status: 200, body: surveyData(overrides, language) });

describe('loading a link', () => {
  it('asks in the browser\'s language, and in the measurement\'s first one when that is not offered', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE']);
    const sent = fakeApi((_m, url) => (url.includes('lang=de') ? apiError(400, 'LANGUAGE_NOT_AVAILABLE') : survey({}, 'nl')));
    const session = newSession(TOKEN);
    await session.load();
    expect(sent.map((s) => s.url)).toEqual([`/api/v1/survey/${TOKEN}?lang=de`, `/api/v1/survey/${TOKEN}`]);
    expect(session.phase).toBe('answering');
    expect(session.data?.language).toBe('nl');
    expect(document.documentElement.lang).toBe('nl');
  });

  it.each([
    [apiError(404, 'INVITATION_NOT_FOUND'), { kind: 'notFound' }],
    [apiError(409, 'INVITATION_USED'), { kind: 'used' }],
    [apiError(410, 'MEASUREMENT_NOT_OPEN', { opensAt: '2027-01-04' }), { kind: 'notOpen', date: '2027-01-04' }],
    [apiError(410, 'MEASUREMENT_CLOSED', { closesAt: '2026-11-30' }), { kind: 'closed', date: '2026-11-30' }],
    ['network' as const, { kind: 'unreachable' }],
    [apiError(503, 'UNAVAILABLE'), { kind: 'unreachable' }],
  ])('turns %j into a problem the person can understand', async (reply, problem) => {
    fakeApi(() => reply);
    const session = newSession(TOKEN);
    await session.load();
    expect(session.phase).toBe('problem');
    expect(session.problem).toEqual(problem);
  });

  it('needs no request for an address without a token', async () => {
    const sent = fakeApi(() => survey());
    const session = newSession('');
    await session.load();
    expect(session.problem).toEqual({ kind: 'notFound' });
    expect(sent).toEqual([]);
  });
});

describe('resuming', () => {
  it('continues from the server draft of a personal link, in its language, where the person left off', async () => {
    const draft = { language: 'nl', answers: { ps_raise_problems: 4, fb_tell_each_other: 2 }, demographics: { age_band: 2 }, updatedAt: '2026-12-09T10:00:00.000Z' };
    const sent = fakeApi((_m, url) => (url.includes('lang=nl') ? survey({ draft }, 'nl') : survey({ draft })));
    const session = newSession(TOKEN);
    await session.load();
    expect(sent.map((s) => s.url)).toEqual([`/api/v1/survey/${TOKEN}?lang=en`, `/api/v1/survey/${TOKEN}?lang=nl`]);
    expect(session.data?.language).toBe('nl');
    expect(session.answers).toEqual(draft.answers);
    expect(session.demographics).toEqual({ age_band: 2 });
    expect(session.resumedCount).toBe(3);
    expect(session.steps[session.resumeStep()]?.key).toBe('feedback_respect');
  });

  it('prefers this browser\'s copy when it continues the server\'s draft, and saves it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const draft = { language: 'en', answers: { ps_raise_problems: 4 }, demographics: {}, updatedAt: '2026-12-09T10:00:00.000Z' };
    writeLocalCopy(localCopyKey(TOKEN), copy({ answers: { ps_raise_problems: 4, ps_be_yourself: 5 }, basedOn: draft.updatedAt, changedAt: '2026-12-01T00:00:00.000Z' }));
    const sent = fakeApi((method) => (method === 'PUT' ? { status: 200, body: { updatedAt: '2026-12-10T10:00:00.000Z' } } : survey({ draft })));
    const session = newSession(TOKEN);
    await session.load();
    expect(session.answers).toEqual({ ps_raise_problems: 4, ps_be_yourself: 5 });
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    await vi.waitFor(() => expect(session.save).toEqual({ kind: 'saved', recovered: false }));
    expect(sent.filter((s) => s.method === 'PUT').map((s) => s.body)).toEqual([{ language: 'en', answers: { ps_raise_problems: 4, ps_be_yourself: 5 }, demographics: {} }]);
    // Safe on the server: the answers no longer stay in this browser.
    expect(readLocalCopy(localCopyKey(TOKEN))).toBeNull();
  });

  it('takes the server\'s draft when another device saved it after this browser\'s copy', async () => {
    const draft = { language: 'en', answers: { wl_overtime: 3 }, demographics: {}, updatedAt: '2026-12-09T10:00:00.000Z' };
    writeLocalCopy(localCopyKey(TOKEN), copy({ answers: { ps_raise_problems: 1 }, basedOn: null, changedAt: '2026-12-08T10:00:00.000Z' }));
    fakeApi(() => survey({ draft }));
    const session = newSession(TOKEN);
    await session.load();
    expect(session.answers).toEqual({ wl_overtime: 3 });
    expect(readLocalCopy(localCopyKey(TOKEN))).toBeNull();
  });

  it('keeps an open link\'s answers in this browser only', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    writeLocalCopy(localCopyKey(TOKEN), copy({ answers: { ps_raise_problems: 2 } }));
    const sent = fakeApi(() => survey({ kind: 'open', draftsAvailable: false }));
    const session = newSession(TOKEN);
    await session.load();
    expect(session.save).toEqual({ kind: 'device' });
    session.answer('ps_be_yourself', 4);
    session.next();
    // A save would have called fetch by now (the call starts synchronously).
    vi.advanceTimersByTime(SAVE_DELAY_MS * 10);
    expect(sent.map((s) => s.method)).toEqual(['GET']);
    expect(readLocalCopy(localCopyKey(TOKEN))?.answers).toEqual({ ps_raise_problems: 2, ps_be_yourself: 4 });
  });
});

describe('saving progress', () => {
  it('keeps the answers on this device while the network is down, says so, and saves them once it is back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let online = false;
    const sent = fakeApi((method) => {
      if (method === 'GET') return survey();
      return online ? { status: 200, body: { updatedAt: '2026-12-10T10:00:00.000Z' } } : 'network';
    });
    const session = newSession(TOKEN);
    await session.load();
    session.answer('ps_raise_problems', 5);
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    await vi.waitFor(() => expect(session.save).toEqual({ kind: 'offline' }));
    expect(readLocalCopy(localCopyKey(TOKEN))?.answers).toEqual({ ps_raise_problems: 5 });

    online = true;
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(session.save).toEqual({ kind: 'saved', recovered: true }));
    expect(sent.filter((s) => s.method === 'PUT')).toHaveLength(2);
    expect(readLocalCopy(localCopyKey(TOKEN))).toBeNull();
  });

  it('once disposed, saves nothing more and no longer waits for the network, keeping the copy in this browser', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const sent = fakeApi((method) => (method === 'GET' ? survey() : 'network'));
    const session = newSession(TOKEN);
    await session.load();
    session.answer('ps_raise_problems', 5);
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    await vi.waitFor(() => expect(session.save).toEqual({ kind: 'offline' }));
    const tried = sent.filter((s) => s.method === 'PUT').length;
    expect(tried).toBe(1);

    session.dispose();
    session.answer('ps_be_yourself', 4);
    vi.advanceTimersByTime(60_000);
    window.dispatchEvent(new Event('online'));
    await session.submit();
    await Promise.resolve();
    expect(sent.filter((s) => s.method !== 'GET')).toHaveLength(tried);
    expect(readLocalCopy(localCopyKey(TOKEN))?.answers).toMatchObject({ ps_raise_problems: 5 });
  });

  it('shows the survey as used when the answers were sent from another device meanwhile', async () => {
    const session = newSession(TOKEN);
    fakeApi((method) => (method === 'GET' ? survey() : apiError(409, 'INVITATION_USED')));
    await session.load();
    session.answer('ps_raise_problems', 5);
    session.next();
    await vi.waitFor(() => expect(session.problem).toEqual({ kind: 'used' }));
  });
});

describe('sending', () => {
  it('retries with the same submission id after a lost connection, and forgets the answers once received', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let attempts = 0;
    const sent = fakeApi((method) => {
      if (method === 'GET') return survey({ kind: 'open', draftsAvailable: false });
      attempts++;
      return attempts === 1 ? 'network' : { status: 200, body: receipt };
    });
    const session = newSession(TOKEN);
    await session.load();
    session.answer('oc_safety_grade', 7);
    session.setDemographic('age_band', 9);
    await session.submit();
    expect(session.send).toEqual({ kind: 'offline' });
    expect(readLocalCopy(localCopyKey(TOKEN))?.submissionId).toMatch(/^[0-9a-f-]{36}$/);

    session.retryNow();
    await vi.waitFor(() => expect(session.phase).toBe('done'));
    expect(session.receipt).toEqual(receipt);
    const posts = sent.filter((s) => s.method === 'POST').map((s) => s.body);
    expect(posts).toHaveLength(2);
    expect(posts[0]).toEqual(posts[1]);
    expect(posts[0]).toMatchObject({ language: 'en', answers: { oc_safety_grade: 7 }, demographics: { age_band: 9 } });
    expect(readLocalCopy(localCopyKey(TOKEN))).toBeNull();
  });

  it('after a reload, asks again with the kept submission id when the link reads as used, and shows the receipt', async () => {
    writeLocalCopy(localCopyKey(TOKEN), copy({ answers: { ps_raise_problems: 3 }, submissionId: '6f1b0c8e-4c1e-4b43-9a3f-0d6f2b1f7a10' }));
    const sent = fakeApi((method) => (method === 'GET' ? apiError(409, 'INVITATION_USED') : { status: 200, body: receipt }));
    const session = newSession(TOKEN);
    await session.load();
    expect(session.phase).toBe('done');
    expect(session.receipt).toEqual(receipt);
    expect(sent[1]?.body).toMatchObject({ submissionId: '6f1b0c8e-4c1e-4b43-9a3f-0d6f2b1f7a10', answers: { ps_raise_problems: 3 } });
  });

  it('after a reload, finishes a send that never arrived, with the same submission id', async () => {
    writeLocalCopy(localCopyKey(TOKEN), copy({ answers: { ps_raise_problems: 3 }, submissionId: '6f1b0c8e-4c1e-4b43-9a3f-0d6f2b1f7a10' }));
    const sent = fakeApi((method) => (method === 'GET' ? survey() : { status: 201, body: receipt }));
    const session = newSession(TOKEN);
    await session.load();
    await vi.waitFor(() => expect(session.phase).toBe('done'));
    expect(sent.map((s) => s.method)).toEqual(['GET', 'POST']);
    expect(sent[1]?.body).toMatchObject({ submissionId: '6f1b0c8e-4c1e-4b43-9a3f-0d6f2b1f7a10' });
  });

  it('does not send while a required question is unanswered', async () => {
    const data = surveyData();
    data.questionnaire.sections[0]!.items[0]!.required = true;
    const sent = fakeApi(() => ({ status: 200, body: data }));
    const session = newSession(TOKEN);
    await session.load();
    await session.submit();
    expect(sent.map((s) => s.method)).toEqual(['GET']);
    expect(session.allMissing.map((item) => item.id)).toEqual(['ps_raise_problems']);
  });
});

describe('switching language', () => {
  it('keeps every answer and saves the new language with them', async () => {
    const sent = fakeApi((method, url) => {
      if (method === 'PUT') return { status: 200, body: { updatedAt: '2026-12-10T10:00:00.000Z' } };
      return url.includes('lang=nl') ? survey({}, 'nl') : survey();
    });
    const session = newSession(TOKEN);
    await session.load();
    session.answer('ps_raise_problems', 2);
    await session.switchLanguage('nl');
    expect(session.data?.language).toBe('nl');
    expect(session.data?.questionnaire.sections[0]?.title).toBe('Je team');
    expect(session.answers).toEqual({ ps_raise_problems: 2 });
    session.next();
    await vi.waitFor(() => expect(sent.filter((s) => s.method === 'PUT').at(-1)?.body).toEqual({ language: 'nl', answers: { ps_raise_problems: 2 }, demographics: {} }));
  });

  it('says so when the other language cannot be fetched, and stays where it was', async () => {
    fakeApi((_m, url) => (url.includes('lang=nl') ? 'network' : survey()));
    const session = newSession(TOKEN);
    await session.load();
    await session.switchLanguage('nl');
    expect(session.switchFailed).toBe('offline');
    expect(session.data?.language).toBe('en');
  });
});
