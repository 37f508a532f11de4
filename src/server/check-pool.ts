/**
 * A small pool of check workers. Jobs go to the least busy worker; a crashed worker fails its jobs
 * (never the server) and is replaced. `drain()` waits for every job in flight (graceful shutdown).
 */
import { Worker } from 'node:worker_threads';
import type { CheckReport } from '../reports/report-model.js';
import type { RunCheckOptions } from '../reports/run-check.js';
import type { Logger } from './log.js';

export interface CheckJob {
  jobId: number;
  inputs: { name: string; bytes: Uint8Array }[];
  options: RunCheckOptions;
}

export type CheckJobResult = { jobId: number; report: CheckReport; error?: undefined } | { jobId: number; error: string; report?: undefined };

interface Pending {
  resolve: (r: CheckReport) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  ready: Promise<void>;
}

// Under tsx (tests, development) the sources are .ts and the worker needs tsx's loader too; in dist/ they are .js.
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCES ? './check-worker.ts' : './check-worker.js', import.meta.url);
// Node 20 does not apply --import hooks to a worker's entry module: the worker registers tsx itself, then imports the sources.
const TSX_BOOT = FROM_SOURCES
  ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`
  : undefined;

export class CheckPool {
  private readonly slots: Slot[] = [];
  private nextJob = 1;
  private closing = false;
  private idleWaiters: (() => void)[] = [];

  constructor(size: number, private readonly load: string[], private readonly logger: Logger) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Resolves once every worker has loaded its definitions. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  get inFlight(): number {
    return this.slots.reduce((n, s) => n + s.pending.size, 0);
  }

  run(inputs: { name: string; bytes: Buffer }[], options: RunCheckOptions): Promise<CheckReport> {
    if (this.closing) return Promise.reject(new Error('le serveur s’arrête : vérification refusée'));
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const jobId = this.nextJob++;
    return new Promise<CheckReport>((resolve, reject) => {
      slot.pending.set(jobId, { resolve, reject });
      const job: CheckJob = { jobId, inputs: inputs.map((i) => ({ name: i.name, bytes: i.bytes })), options };
      slot.worker.postMessage(job);
    });
  }

  /** Waits until no job is in flight. */
  drain(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.drain();
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = TSX_BOOT ? new Worker(TSX_BOOT, { eval: true, workerData: { load: this.load } }) : new Worker(WORKER_URL, { workerData: { load: this.load } });
    const pending = new Map<number, Pending>();
    let markReady: () => void = () => {};
    let failReady: (e: Error) => void = () => {};
    const ready = new Promise<void>((res, rej) => { markReady = res; failReady = rej; });
    ready.catch(() => {});
    const slot: Slot = { worker, pending, ready };
    worker.on('message', (m: CheckJobResult | { ready: true }) => {
      if ('ready' in m) return markReady();
      const p = pending.get(m.jobId);
      if (!p) return;
      pending.delete(m.jobId);
      if (m.report) p.resolve(m.report);
      else p.reject(new Error(m.error));
      this.notifyIdle();
    });
    worker.on('error', (e) => {
      this.logger.log('error', 'check-worker-error', { message: e.message });
      failReady(e);
    });
    worker.on('exit', (code) => {
      for (const p of pending.values()) p.reject(new Error(`le fil de vérification s’est arrêté (code ${code})`));
      pending.clear();
      this.notifyIdle();
      if (!this.closing) {
        const i = this.slots.indexOf(slot);
        if (i >= 0) this.slots[i] = this.spawn();
      }
    });
    return slot;
  }

  private notifyIdle(): void {
    if (this.inFlight > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
