import { CentreParamsSchema, QueueEventSchema, shanghaiDate } from '@eldercare/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CentreNotFoundError } from '../queue/queue-errors';
import { queueEventLog } from '../realtime/queue-event-log';
import { SseSubscriber } from '../realtime/sse-subscriber';
import { errorResponses } from './error-responses';

/** Replay at most this many events (the latest of today): a display needs the last calls, not the day. */
export const REPLAY_LIMIT = 500;
/** The reconnect delay EventSource uses after a lost connection. */
export const RETRY_MS = 2_000;

const EventIdPattern = '^(\\d{1,18})?$';

export const QueueEventsReadySchema = Type.Object({
  /** The stream's position: the last event sent (or the centre's last event for a live start). */
  lastEventId: Type.String({ pattern: '^\\d+$' }),
  replayed: Type.Integer({ minimum: 0 }),
  /** More events were missed than replayed: only the latest REPLAY_LIMIT came. */
  truncated: Type.Boolean(),
});

/** /queue/centres/:centreId/events: the hall's events as Server-Sent Events. */
export const queueEventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/queue/centres/:centreId/events',
    {
      schema: {
        tags: ['queue'],
        summary: 'A centre’s queue events, live (Server-Sent Events, text/event-stream)',
        description:
          'Public (tickets and counters only, no personal data). Each event is `id: <id>`, `event: <type>` (ticket.issued, ' +
          'ticket.called, ticket.finished, ticket.noShow, ticket.transferred, counter.changed), `data: <QueueEvent JSON>`. ' +
          `The stream opens with \`retry: ${RETRY_MS}\`. With a Last-Event-ID header (EventSource sends it when it reconnects) ` +
          'or `?after=<id>` (the header wins), today’s events after that id are replayed first, at most the latest ' +
          `${REPLAY_LIMIT}; \`?after=0\` replays today’s events (a display opening). Then a \`ready\` event ` +
          '(`id:` the stream position, data {lastEventId, replayed, truncated}), then live events, each once, in id order; ' +
          'without either the stream starts live at `ready`. A comment line every 15 s keeps proxies from closing it. ' +
          'Events are delivered across server instances (PostgreSQL LISTEN/NOTIFY). ' +
          'Errors (JSON, before the stream starts): 400 VALIDATION_FAILED; 404 QUEUE_CENTRE_NOT_FOUND.',
        params: CentreParamsSchema,
        headers: Type.Object({ 'last-event-id': Type.Optional(Type.String({ pattern: EventIdPattern })) }),
        querystring: Type.Object({ after: Type.Optional(Type.String({ pattern: EventIdPattern })) }, { additionalProperties: false }),
        response: {
          200: {
            description: 'The event stream: QueueEvent per event, then QueueEventsReady as `event: ready`.',
            content: { 'text/event-stream': { schema: Type.Union([QueueEventSchema, QueueEventsReadySchema]) } },
          },
          ...errorResponses(400, 404, 500),
        },
      },
    },
    async (request, reply) => {
      const { centreId } = request.params;
      const from = request.headers['last-event-id'] || request.query.after || undefined;
      if (!(await queueEventLog.centreExists(app.db, centreId))) throw new CentreNotFoundError(centreId);

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx would otherwise buffer the stream.
        'x-accel-buffering': 'no',
      });
      res.write(`retry: ${RETRY_MS}\n\n`);

      const subscriber = new SseSubscriber(res);
      let unsubscribe: (() => void) | null = null;
      res.on('close', () => unsubscribe?.());
      try {
        const subscription = await app.queueEventHub.subscribe(centreId, subscriber);
        unsubscribe = subscription.unsubscribe;
        if (!subscriber.open) return unsubscribe();
        let cursor = subscription.position;
        let replay = { events: [] as Awaited<ReturnType<typeof queueEventLog.replay>>['events'], truncated: false };
        if (from !== undefined) {
          replay = await queueEventLog.replay(app.db, centreId, BigInt(from), shanghaiDate(app.clock()), REPLAY_LIMIT);
          const last = replay.events.at(-1)?.id;
          if (last !== undefined && last > cursor) cursor = last;
        }
        const ready = { lastEventId: cursor.toString(), replayed: replay.events.length, truncated: replay.truncated };
        subscriber.goLive(replay.events, cursor, `id: ${cursor}\nevent: ready\ndata: ${JSON.stringify(ready)}\n\n`);
      } catch (error) {
        // The status line is sent already: drop the connection, and EventSource reconnects.
        request.log.error({ err: error }, 'queue event stream failed to start');
        unsubscribe?.();
        res.destroy();
      }
    },
  );
};
