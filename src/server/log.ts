/** Structured logs: one JSON object per line on stdout (errors on stderr), never a stack trace to clients. */
export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

export const jsonLogger: Logger = {
  log(level, event, fields = {}) {
    const line = `${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`;
    if (level === 'error') process.stderr.write(line);
    else process.stdout.write(line);
  },
};

export const silentLogger: Logger = { log() {} };
