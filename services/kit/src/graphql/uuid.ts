const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids are PostgreSQL uuids. Anything else cannot exist, and handing it to Prisma would raise an
 * unexpected error (masked as INTERNAL_SERVER_ERROR) instead of a plain "not found".
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
