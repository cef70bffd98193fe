import { Kind, type ValueNode } from 'graphql';
import { AppError } from '../errors';

function toDate(value: unknown): Date {
  // Prisma's Dates are read as they are: a copy per timestamp field adds up over a list of 100 referrals.
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new AppError('BAD_USER_INPUT', 'DateTime must be an ISO-8601 timestamp');
  return date;
}

/** ISO-8601 timestamps in UTC on the wire; the portal renders them in Europe/Amsterdam. */
export const dateTimeScalar = {
  description: 'An ISO-8601 timestamp in UTC',
  serialize: (value: unknown) => toDate(value).toISOString(),
  parseValue: (value: unknown) => toDate(value),
  parseLiteral: (node: ValueNode) => {
    if (node.kind !== Kind.STRING) throw new AppError('BAD_USER_INPUT', 'DateTime must be a string');
    return toDate(node.value);
  },
};
