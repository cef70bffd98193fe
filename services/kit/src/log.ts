/**
 * Structured JSON logs, one line each. Callers pass ids and codes, never personal data:
 * the redaction below is a safety net for well-known sensitive keys, not a licence to log payloads.
 */
const SENSITIVE_KEYS =
  /^(password|newPassword|currentPassword|token|sessionToken|identityToken|secret|authorization|cookie|email|name|displayName|phone|address|birthDate|variables|query|input|body)$/i;
/** Values that are personal or secret whatever key they sit under (e.g. inside an error message). */
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}/g;
const BEARER = /\bBearer\s+[^\s"',;]+/gi;
/** Nested fields are redacted too, to this depth; deeper ones are dropped rather than walked forever. */
const MAX_DEPTH = 4;

export type LogFields = Record<string, unknown>;
export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.replace(EMAIL, '[email]').replace(BEARER, 'Bearer [redacted]');
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (depth >= MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  return redact(value as LogFields, depth + 1);
}

function redact(fields: LogFields, depth = 0): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out[key] = SENSITIVE_KEYS.test(key) ? '[redacted]' : redactValue(value, depth);
  }
  return out;
}

export function createLogger(base: LogFields, sink: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const write = (level: string, msg: string, fields?: LogFields) =>
    sink(JSON.stringify({ time: new Date().toISOString(), level, msg: redactValue(msg, 0), ...redact({ ...base, ...(fields ?? {}) }) }));
  return {
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => createLogger({ ...base, ...fields }, sink),
  };
}

/** For tests: collects lines instead of printing them. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger({}, (l) => lines.push(l)), { lines });
}
