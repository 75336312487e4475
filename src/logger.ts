import pino, { type Logger } from 'pino';

/** JSON logger; secrets and customers' message bodies are never passed to it. */
export type { Logger };

/** Creates the process logger writing one JSON line per event to stdout. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'hotline-desk' },
    redact: { paths: ['*.password', '*.secret', '*.authorization', 'config.bot.password'], remove: true },
  });
}
