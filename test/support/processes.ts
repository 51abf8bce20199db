import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { HttpClient } from './http';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'dist/apps/tradehub/src/main.js');

/** The compiled app, built once if this checkout has no build yet (CI builds before testing). */
export function ensureBuilt(): void {
  if (existsSync(MAIN)) return;
  const built = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) throw new Error('nest build failed');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** tradehub as its own OS process (`node dist/.../main.js`), as production runs it. */
export class AppProcess {
  readonly http: HttpClient;
  private readonly output: string[] = [];
  private child: ChildProcess | null = null;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.http = new HttpClient(`http://127.0.0.1:${port}`);
  }

  start(): void {
    this.child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer): void => {
      this.output.push(chunk.toString());
      if (this.output.length > 400) this.output.shift();
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
  }

  /** Until the API answers and every consumer group of the process has joined. */
  async ready(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ready = await this.http.get('/health/ready').catch(() => null);
      const consumers = Object.values((ready?.body?.checks?.consumers ?? {}) as Record<string, string>);
      if (ready?.status === 200 && consumers.length > 0 && consumers.every((s) => s === 'running')) return;
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined)
        throw new Error(`process exited ${this.child.exitCode}:\n${this.logs()}`);
      if (Date.now() > deadline) throw new Error(`not ready in ${timeoutMs} ms:\n${this.logs()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Stops the process with `signal` and resolves with its exit code (null when a signal ended it). */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null)
      return Promise.resolve(child?.exitCode ?? null);
    return new Promise((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill(signal);
    });
  }

  logs(): string {
    return this.output.join('');
  }
}
