import { join, resolve } from 'node:path';

import { SUBGRAPHS, type SubgraphName } from '../taxonomy';

/** The services that own a PostgreSQL schema (namespace) named exactly like the service: every subgraph. */
export const SERVICES = SUBGRAPHS;
export type ServiceName = SubgraphName;

export function isServiceName(value: string): value is ServiceName {
  return (SERVICES as readonly string[]).includes(value);
}

/** The repository root, found from this file's place (services/kit/src/db). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

export function schemaFileFor(service: string, root = REPO_ROOT): string {
  return join(root, 'prisma', service, 'schema.prisma');
}

export function migrationsDirFor(service: string, root = REPO_ROOT): string {
  return join(root, 'prisma', service, 'migrations');
}
