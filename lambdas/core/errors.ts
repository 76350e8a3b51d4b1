/**
 * The project's own errors. One base so callers can tell ours from a library's with one
 * `instanceof`, and so `name` is the class name in logs and records (a plain `extends Error`
 * reports every one of them as "Error").
 */
export class NewsIngestError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A required setting is missing or malformed: raised when a handler starts, never mid-request. */
export class ConfigError extends NewsIngestError {}

/** Read one required setting from an environment, failing at start rather than with an empty name later. */
export function requiredSetting(env: Readonly<Record<string, string | undefined>>, name: string): string {
  const v = env[name];
  if (!v) throw new ConfigError(`Environment variable ${name} is not set.`);
  return v;
}
