import { join, resolve } from 'node:path';

import { SUBGRAPHS, type SubgraphName } from '../taxonomy';

/** The services that own a PostgreSQL schema (namespace) named exactly like the service: every subgraph. */
export const SERVICES = SUBGRAPHS;
export type ServiceName = SubgraphName;

export function isServiceName(value: string): value is ServiceName {
  return (SERVICES as readonly string[]).includes(value);
}

/**
 * Namespaces with migrations (prisma/<name>/) that belong to no one service and have no app role of their own:
 * "audit", the tamper-evident audit store every service writes into (grants: services/kit/src/db/audit-grants.ts).
 */
export const SHARED_NAMESPACES = ['audit'] as const;
export type SharedNamespace = (typeof SHARED_NAMESPACES)[number];

/** Every PostgreSQL schema Haven migrates: the services' own, then the shared ones. */
export const NAMESPACES = [...SERVICES, ...SHARED_NAMESPACES] as const;
export type NamespaceName = ServiceName | SharedNamespace;

export function isNamespaceName(value: string): value is NamespaceName {
  return (NAMESPACES as readonly string[]).includes(value);
}

/** The repository root, found from this file's place (services/kit/src/db). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

export function schemaFileFor(service: string, root = REPO_ROOT): string {
  return join(root, 'prisma', service, 'schema.prisma');
}

export function migrationsDirFor(service: string, root = REPO_ROOT): string {
  return join(root, 'prisma', service, 'migrations');
}
