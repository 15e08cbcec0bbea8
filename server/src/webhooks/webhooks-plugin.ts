import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { InboundPartEvents } from './inbound-part-events';
import { WebhookDispatcher, type WebhookDispatcherOptions, type WebhookTimers } from './webhook-dispatcher';
import { WebhookSubscriptions } from './webhook-subscriptions';

export interface WebhookOptions {
  /** Run the delivery loop on this instance (default true); every instance may. Tests drive `runOnce` instead. */
  dispatch?: boolean;
  dispatcher?: Partial<WebhookDispatcherOptions>;
  timers?: WebhookTimers;
  /** WEBHOOK_ALLOWED_ORIGINS: the only origins webhooks may go to (webhook-url-policy.ts). */
  allowedOrigins?: readonly string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    webhookSubscriptions: WebhookSubscriptions;
    webhookDispatcher: WebhookDispatcher;
    inboundPartEvents: InboundPartEvents;
  }
}

/** Department webhooks: subscriptions, the outbox dispatcher (stopped before the database closes), inbound takeover events. */
async function webhooksPlugin(app: FastifyInstance, options: WebhookOptions): Promise<void> {
  const subscriptions = new WebhookSubscriptions(app.db, app.protector, app.clock, { allowedOrigins: options.allowedOrigins });
  const dispatcher = new WebhookDispatcher(app.db, app.protector, subscriptions, app.clock, options.dispatcher, options.timers);
  app.decorate('webhookSubscriptions', subscriptions);
  app.decorate('webhookDispatcher', dispatcher);
  app.decorate('inboundPartEvents', new InboundPartEvents(app.db, subscriptions, app.clock));
  if (options.dispatch ?? true) {
    app.addHook('onReady', () => dispatcher.start());
    app.addHook('onClose', () => dispatcher.stop());
  }
}

export default fp(webhooksPlugin, {
  name: 'eldercare-webhooks',
  fastify: '5.x',
  dependencies: ['eldercare-database', 'eldercare-data-protection', 'eldercare-clock'],
});
