import fp from 'fastify-plugin';
import { questionnaireRepository } from '../repositories/questionnaires';
import { questionnaireService, type QuestionnaireService } from '../services/questionnaires';

declare module 'fastify' {
  interface FastifyInstance {
    questionnaires: QuestionnaireService;
  }
}

/** Wires repositories into services, once per app, and loads the data the product ships with. */
export default fp(
  async (app) => {
    const questionnaires = questionnaireService(questionnaireRepository(app.db), app.log);
    app.decorate('questionnaires', questionnaires);
    await questionnaires.ensureBuiltins();
  },
  { name: 'services', dependencies: ['database'] },
);
