import { mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { syncDirectory, writeFileAtomic } from './write-file-atomic';

/**
 * queued: accepted, not sent. sending: being written to the printer (if the agent dies now,
 * nobody knows how much the printer got). sent: all bytes written, not yet confirmed printed.
 * printed / failed: finished; kept a while to answer a repeated request by document id.
 */
export const StoredJobStateSchema = Type.Union([
  Type.Literal('queued'),
  Type.Literal('sending'),
  Type.Literal('sent'),
  Type.Literal('printed'),
  Type.Literal('failed'),
]);
export type StoredJobState = Static<typeof StoredJobStateSchema>;

export const StoredJobSchema = Type.Object({
  v: Type.Literal(1),
  /** Queue order; also the file name. */
  seq: Type.Integer({ minimum: 1 }),
  /** The document id: one job per id. */
  jobId: Type.String({ minLength: 1 }),
  role: Type.Union([Type.Literal('receipt'), Type.Literal('ticket')]),
  state: StoredJobStateSchema,
  acceptedAt: Type.String(),
  updatedAt: Type.String(),
  /** The ESC/POS bytes (base64) while the job is unfinished; dropped once it is (personal data). */
  bytes: Type.Optional(Type.String()),
  byteLength: Type.Integer({ minimum: 0 }),
  /** The GS ( H process ID sent after the job, when the printer supports it. */
  processId: Type.Optional(Type.String()),
  /** Why it failed. */
  code: Type.Optional(Type.String()),
});
export type StoredJob = Static<typeof StoredJobSchema>;

const FILE = /^(\d{10})\.json$/;

export const isPending = (job: StoredJob): boolean => job.state === 'queued' || job.state === 'sending' || job.state === 'sent';

/**
 * The durable queue of one printer: one JSON file per job, named by its sequence number and
 * replaced atomically on every change. Opening it sweeps away what a crash can leave: a
 * temporary file never renamed (the change it carried never happened) and, should the disk
 * have lost data despite fsync, a file that does not parse (set aside as `*.corrupt`).
 */
export class PrintJobStore {
  private readonly byId = new Map<string, StoredJob>();
  private lastSeq = 0;
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    /** Files set aside when opening, for the technician. */
    readonly setAside: readonly string[],
  ) {}

  static async open(dir: string): Promise<PrintJobStore> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const names = await readdir(dir);
    const setAside: string[] = [];
    const jobs: StoredJob[] = [];
    for (const name of names) {
      if (name.endsWith('.tmp')) {
        await unlink(join(dir, name)).catch(() => undefined);
        continue;
      }
      if (!FILE.test(name)) continue;
      const job = await readFile(join(dir, name), 'utf8').then(parseJob, () => null);
      if (job && name === fileName(job.seq)) {
        jobs.push(job);
      } else {
        await rename(join(dir, name), join(dir, `${name}.corrupt`)).catch(() => undefined);
        setAside.push(name);
      }
    }
    if (setAside.length > 0) await syncDirectory(dir);
    const store = new PrintJobStore(dir, setAside);
    // Should two files name one document (a crash between writing a retry and deleting the old
    // attempt), the later one wins.
    jobs.sort((a, b) => a.seq - b.seq);
    for (const job of jobs) {
      const older = store.byId.get(job.jobId);
      if (older) await store.removeFile(older.seq);
      store.byId.set(job.jobId, job);
      store.lastSeq = Math.max(store.lastSeq, job.seq);
    }
    return store;
  }

  /** Every job, in queue order. */
  jobs(): StoredJob[] {
    return [...this.byId.values()].sort((a, b) => a.seq - b.seq);
  }

  get(jobId: string): StoredJob | undefined {
    return this.byId.get(jobId);
  }

  nextSeq(): number {
    return ++this.lastSeq;
  }

  /**
   * Writes the job durably; a job that moved to a new sequence number leaves its old file.
   * Writes happen one after another, in call order, so jobs appear in queue order.
   */
  save(job: StoredJob): Promise<void> {
    const write = this.writes.then(async () => {
      const older = this.byId.get(job.jobId);
      await writeFileAtomic(join(this.dir, fileName(job.seq)), JSON.stringify(job));
      this.byId.set(job.jobId, job);
      if (older && older.seq !== job.seq) await this.removeFile(older.seq);
    });
    this.writes = write.catch(() => undefined);
    return write;
  }

  /** Forgets finished jobs beyond the newest `keep`, and those finished before `before`. */
  async prune(keep: number, before: Date): Promise<void> {
    await this.writes;
    const finished = this.jobs().filter((job) => !isPending(job));
    const cutoff = before.toISOString();
    const drop = finished.filter((job, i) => i < finished.length - keep || job.updatedAt < cutoff);
    for (const job of drop) {
      this.byId.delete(job.jobId);
      await this.removeFile(job.seq);
    }
  }

  private async removeFile(seq: number): Promise<void> {
    await unlink(join(this.dir, fileName(seq))).catch(() => undefined);
  }
}

function fileName(seq: number): string {
  return `${String(seq).padStart(10, '0')}.json`;
}

function parseJob(text: string): StoredJob | null {
  try {
    const value: unknown = JSON.parse(text);
    return Value.Check(StoredJobSchema, value) ? value : null;
  } catch {
    return null;
  }
}
