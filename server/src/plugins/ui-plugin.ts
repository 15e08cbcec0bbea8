import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { resolve } from 'node:path';

/**
 * The built multi-page UI (/kiosk/, /sim/, /window/, /display/, /tech/, /admin/), each page a
 * folder with its index.html. `/` goes to the kiosk. Not a fastify-plugin: its routes stay in
 * their own context.
 */
export async function uiPlugin(app: FastifyInstance, options: { uiDir: string }): Promise<void> {
  await app.register(fastifyStatic, {
    root: resolve(options.uiDir),
    prefix: '/',
    // /kiosk → /kiosk/, so the page's relative asset paths resolve.
    redirect: true,
    index: ['index.html'],
    // The UI files may change under a running server (a rebuild); look each one up per request.
    wildcard: true,
  });
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/kiosk/', 302));
}
