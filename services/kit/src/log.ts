/**
 * Structured JSON logs, one line each. Callers pass ids and codes, never personal data:
 * the redaction below is a safety net for well-known sensitive keys, not a licence to log payloads.
 */
const SENSITIVE_KEYS =
  /^(password|newPassword|currentPassword|token|sessionToken|identityToken|secret|authorization|cookie|email|name|displayName|phone|address|birthDate)$/i;

export type LogFields = Record<string, unknown>;
export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

function redact(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out[key] = SENSITIVE_KEYS.test(key) ? '[redacted]' : value;
  }
  return out;
}

export function createLogger(base: LogFields, sink: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const write = (level: string, msg: string, fields?: LogFields) =>
    sink(JSON.stringify({ time: new Date().toISOString(), level, msg, ...redact({ ...base, ...(fields ?? {}) }) }));
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
