import { accountStore } from '@socialsafety/auth';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config';
import { todayIn } from '../lib/calendar';
import { rateLimiter, type RateLimiter } from '../lib/rate-limiter';
import { auditRepository } from '../repositories/audit';
import { grantRepository } from '../repositories/grants';
import { invitationRepository } from '../repositories/invitations';
import { measurementRepository } from '../repositories/measurements';
import { organisationRepository } from '../repositories/organisations';
import { questionnaireRepository } from '../repositories/questionnaires';
import { resultsRepository } from '../repositories/results';
import { sessionRepository } from '../repositories/sessions';
import { preparedRunner } from '../repositories/prepared';
import { surveyRepository } from '../repositories/survey';
import { unitRepository } from '../repositories/units';
import { userRepository } from '../repositories/users';
import { accountService, type AccountService } from '../services/accounts';
import { auditService, type AuditService } from '../services/audit';
import { authService, type AuthService } from '../services/auth';
import { grantService, type GrantService } from '../services/grants';
import { invitationService, type InvitationService } from '../services/invitations';
import { measurementService, type MeasurementService } from '../services/measurements';
import { organisationService, type OrganisationService } from '../services/organisations';
import { participationService, type ParticipationService } from '../services/participation';
import { questionnaireService, type QuestionnaireService } from '../services/questionnaires';
import { benchmarkService, type BenchmarkService } from '../services/benchmarks';
import { resultsService, type ResultsService } from '../services/results';
import { resultsPublisher } from '../services/results-publisher';
import { surveyService, type SurveyService } from '../services/survey';
import { unitService, type UnitService } from '../services/units';

declare module 'fastify' {
  interface FastifyInstance {
    questionnaires: QuestionnaireService;
    audit: AuditService;
    auth: AuthService;
    accounts: AccountService;
    organisations: OrganisationService;
    units: UnitService;
    grants: GrantService;
    measurements: MeasurementService;
    invitations: InvitationService;
    participation: ParticipationService;
    survey: SurveyService;
    results: ResultsService;
    benchmarks: BenchmarkService;
    /** Requests to the public survey endpoints per client address and minute. */
    surveyLimiter: RateLimiter;
  }
}

export interface ServicesOptions {
  config: AppConfig;
  /** The clock for session expiry and rate-limit windows; tests move it instead of waiting. */
  now: () => Date;
}

/** Wires repositories into services, once per app, and loads the data the product ships with. */
export default fp<ServicesOptions>(
  async (app, { config, now }) => {
    const db = app.db;
    const repositories = {
      organisations: organisationRepository(db),
      units: unitRepository(db),
      users: userRepository(db),
      sessions: sessionRepository(db),
      grants: grantRepository(db),
    };
    const audit = auditService(auditRepository(db), app.log);
    const { perAccount, perIp, windowMinutes } = config.loginLimit;
    const limiter = rateLimiter((key) => (key.startsWith('ip:') ? perIp : perAccount), windowMinutes * 60_000, () => now().getTime());
    const today = todayIn(config.timeZone, now);

    const questionnaireRows = questionnaireRepository(db);
    const questionnaires = questionnaireService(questionnaireRows, app.log);
    app.decorate('questionnaires', questionnaires);
    app.decorate('audit', audit);
    app.decorate(
      'auth',
      authService({ ...repositories, audit, limiter, now, sessionTtlMs: config.sessionTtlHours * 3_600_000 }),
    );
    app.decorate('accounts', accountService({ ...repositories, store: accountStore(db), audit, now }));
    app.decorate('organisations', organisationService(repositories.organisations, audit));
    app.decorate('units', unitService(repositories.units, repositories.organisations, audit));
    app.decorate('grants', grantService({ ...repositories, audit }));

    const measurementRows = measurementRepository(db);
    const invitations = invitationRepository(db);
    const survey = surveyRepository(db, preparedRunner(app.pg.pool), { submitLanes: config.submitLanes, submitWaitMs: config.dbConnectionTimeoutMs });
    const resultRows = resultsRepository(db);
    const publisher = resultsPublisher({ measurements: measurementRows, results: resultRows, log: app.log, now });
    const lifecycle = measurementService({
      measurements: measurementRows,
      questionnaires: questionnaireRows,
      organisations: repositories.organisations,
      audit,
      publisher,
      today,
      now,
    });
    app.decorate('measurements', lifecycle);
    app.decorate(
      'invitations',
      invitationService({ invitations, measurements: measurementRows, lifecycle, audit, today, publicUrl: config.publicUrl }),
    );
    app.decorate('participation', participationService({ lifecycle, invitations, survey, audit }));
    app.decorate('survey', surveyService({ survey, measurements: measurementRows, lifecycle, today, now }));
    app.decorate('results', resultsService({ lifecycle, measurements: measurementRows, results: resultRows, publisher, audit }));
    app.decorate('benchmarks', benchmarkService({ questionnaires: questionnaireRows, results: resultRows, publisher, audit }));
    app.decorate('surveyLimiter', rateLimiter(() => config.surveyLimitPerMinute, 60_000, () => now().getTime()));

    await questionnaires.ensureBuiltins();
    if (config.bootstrapAdmin) {
      // The password is never logged; the email is, so an operator can see which account start-up looked after.
      const { email, password } = config.bootstrapAdmin;
      const outcome = await accountStore(db).ensurePlatformAdmin(email, password, 'environment');
      app.log.info({ email, outcome }, 'platform administrator from ADMIN_EMAIL');
    }
  },
  { name: 'services', dependencies: ['database'] },
);
