/**
 * The baseline of the API benchmark: a bare fastify route that parses a JSON body of the same
 * size as an identify request and answers a small JSON object. Same runtime (tsx), same machine.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/echo', async (request) => ({ ok: true, size: JSON.stringify(request.body).length }));
const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
console.log(`listening on ${address}`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
