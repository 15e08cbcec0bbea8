import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { KioskAgentOptions } from '../app-options';
import { applicationRoutes } from './application-routes';
import { educationRoutes } from './education-routes';
import { departmentRoutes } from './department-routes';
import { healthRoutes } from './health-routes';
import { helpRequestRoutes } from './help-request-routes';
import { identifyRoutes } from './identify-routes';
import { kioskAgentRoutes } from './kiosk-agent-routes';
import { queueEventRoutes } from './queue-event-routes';
import { queueRoutes } from './queue-routes';
import { serviceRoutes } from './service-routes';
import { statisticsRoutes } from './statistics-routes';
import { staffRoutes } from './staff-routes';
import { auditRoutes } from './audit-routes';
import { homeVisitRoutes } from './home-visit-routes';
import { webhookRoutes } from './webhook-routes';
import { windowRoutes } from './window-routes';

/** Everything under /api/v1, one file per resource. */
export const apiRoutes: FastifyPluginAsyncTypebox<{ kioskAgent?: KioskAgentOptions }> = async (app, options) => {
  await app.register(identifyRoutes);
  await app.register(applicationRoutes);
  await app.register(serviceRoutes);
  await app.register(educationRoutes);
  await app.register(healthRoutes);
  await app.register(helpRequestRoutes);
  await app.register(queueRoutes);
  await app.register(queueEventRoutes);
  await app.register(staffRoutes);
  await app.register(windowRoutes);
  await app.register(statisticsRoutes);
  await app.register(departmentRoutes);
  await app.register(webhookRoutes);
  await app.register(auditRoutes);
  await app.register(homeVisitRoutes);
  await app.register(kioskAgentRoutes, { kioskAgent: options.kioskAgent });
};
