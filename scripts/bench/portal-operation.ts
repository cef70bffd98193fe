import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print } from 'graphql';
import { REPO_ROOT } from '@haven/kit/src/db/services';

/** One operation as the portal sends it to the gateway (web/src/lib/gateway.ts): its name and printed text. */
export interface PortalOperation {
  operationName: string;
  query: string;
}

/**
 * The portal's own document for `operationName`, read as text from web/src/lib/operations/<file>.ts (the
 * operations import 'server-only' and gql.tada, so they cannot be imported here) and printed the way the
 * portal prints it before sending. Documents with fragments are refused: the benchmark's queries have none,
 * and silently sending one without its fragments would measure an error.
 */
export function portalOperation(file: string, operationName: string): PortalOperation {
  const source = readFileSync(join(REPO_ROOT, 'web', 'src', 'lib', 'operations', file), 'utf8');
  for (const match of source.matchAll(/graphql\(\s*`([^`]*)`/g)) {
    const document = parse(match[1]!);
    const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === operationName);
    if (!operation) continue;
    if (document.definitions.length > 1 || match[1]!.includes('...')) {
      throw new Error(`${operationName} uses fragments; the benchmark sends operations without them`);
    }
    return { operationName, query: print(operation) };
  }
  throw new Error(`no operation ${operationName} in web/src/lib/operations/${file}`);
}
