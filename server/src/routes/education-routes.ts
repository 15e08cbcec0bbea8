import { EducationCatalogueSchema } from '@eldercare/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { educationCatalogue } from '../education/education-catalogue';

/** GET /education/courses: the district's senior-education institutions, open courses with seats left, and teaching subjects. Public. */
export const educationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/education/courses',
    {
      schema: {
        tags: ['education'],
        summary: '老年教育: institutions, courses of the term with seats left, part-time teaching subjects',
        response: { 200: EducationCatalogueSchema },
      },
    },
    async (_request, reply) => {
      // Seats change with every enrolment: never cached.
      void reply.header('cache-control', 'no-store');
      return educationCatalogue.load(app.db);
    },
  );
};
