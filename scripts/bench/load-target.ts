import { createPrivateKey, createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import { resolveCaller } from '@haven/gateway/src/resolve-caller';
import { HEADER_ASSERTION, HEADER_IDENTITY, HEADER_REQUEST_ID } from '@haven/kit/src/http/internal-client';
import { PARTS, type PartName, type SubgraphName } from '@haven/kit/src/taxonomy';
import { graphqlRequestDigest, type GraphqlRequestBody } from '@haven/kit/src/trust/digest';
import type { PartKeys } from '@haven/kit/src/trust/keys';
import { signAssertion } from '@haven/kit/src/trust/tokens';

/**
 * What one load-generator request is, as plain data: the load runs in a worker thread (its own event loop, so
 * the client's work does not queue behind the servers'), and only plain data crosses to a worker.
 */
export type LoadTarget = GatewayTarget | DirectTarget;

/** One POST to a gateway, as the portal sends it: the operation and the caller's session token. */
export interface GatewayTarget {
  kind: 'gateway';
  url: string;
  sessionToken: string;
  body: GraphqlRequestBody;
}

/**
 * The gateway's work done by the client instead: resolve the session with identity (the gateway's
 * resolve-session call, signed with the gateway's key) and send the query plan's subgraph fetches in the
 * plan's order, each with a fresh assertion minted exactly as the gateway mints it.
 */
export interface DirectTarget {
  kind: 'direct';
  /** The gateway's keys as PEM: key objects do not cross to a worker. */
  gatewayKeys: PartKeysPem;
  identityBaseUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  sessionToken: string;
  plan: ReplayStep;
}

/** A query plan reduced to what a replay needs: the order, and each fetch's recorded body. */
export type ReplayStep =
  | { kind: 'sequence'; steps: ReplayStep[] }
  | { kind: 'parallel'; steps: ReplayStep[] }
  | { kind: 'fetch'; service: SubgraphName; body: GraphqlRequestBody };

/** A request that resolves when the answer is complete and throws when it is not a clean GraphQL answer. */
export type LoadRequest = () => Promise<void>;

export function loadRequest(target: LoadTarget): LoadRequest {
  return target.kind === 'gateway' ? gatewayRequest(target) : directRequest(target);
}

function gatewayRequest(target: GatewayTarget): LoadRequest {
  const body = JSON.stringify(target.body);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${target.sessionToken}` };
  return async () => {
    const response = await fetch(target.url, { method: 'POST', headers, body });
    await expectCleanAnswer(response);
  };
}

export interface PartKeysPem {
  self: PartName;
  privateKeyPem: string;
  publicKeyPems: Record<PartName, string>;
}

export function partKeysToPem(keys: PartKeys): PartKeysPem {
  const pem = (key: KeyObject, type: 'pkcs8' | 'spki') => key.export({ type, format: 'pem' }).toString();
  return {
    self: keys.self,
    privateKeyPem: pem(keys.privateKey, 'pkcs8'),
    publicKeyPems: Object.fromEntries(PARTS.map((part) => [part, pem(keys.publicKeys[part], 'spki')])) as Record<PartName, string>,
  };
}

export function partKeysFromPem(pem: PartKeysPem): PartKeys {
  return {
    self: pem.self,
    privateKey: createPrivateKey(pem.privateKeyPem),
    publicKeys: Object.fromEntries(PARTS.map((part) => [part, createPublicKey(pem.publicKeyPems[part])])) as Record<PartName, KeyObject>,
  };
}

function directRequest(target: DirectTarget): LoadRequest {
  const keys = partKeysFromPem(target.gatewayKeys);
  const authorization = `Bearer ${target.sessionToken}`;
  return async () => {
    const requestId = randomUUID();
    // The gateway's own function: the same identity call, signed the same way.
    const identityToken = await resolveCaller(authorization, { keys, identityBaseUrl: target.identityBaseUrl, requestId });
    if (!identityToken) throw new Error('the session did not resolve');
    await replay(target.plan, { privateKey: keys.privateKey, subgraphUrls: target.subgraphUrls, identityToken, requestId });
  };
}

interface ReplayContext {
  privateKey: KeyObject;
  subgraphUrls: Record<SubgraphName, string>;
  identityToken: string;
  requestId: string;
}

async function replay(step: ReplayStep, context: ReplayContext): Promise<void> {
  if (step.kind === 'sequence') {
    for (const inner of step.steps) await replay(inner, context);
  } else if (step.kind === 'parallel') {
    await Promise.all(step.steps.map((inner) => replay(inner, context)));
  } else {
    const assertion = await signAssertion(context.privateKey, {
      issuer: 'gateway',
      audience: step.service,
      requestDigest: graphqlRequestDigest(step.body),
      identityToken: context.identityToken,
      requestId: context.requestId,
    });
    const response = await fetch(context.subgraphUrls[step.service], {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [HEADER_ASSERTION]: assertion,
        [HEADER_REQUEST_ID]: context.requestId,
        [HEADER_IDENTITY]: context.identityToken,
      },
      body: JSON.stringify(step.body),
    });
    await expectCleanAnswer(response);
  }
}

/** Reads the whole answer (so its parsing is timed too) and refuses errors: a failing request is not a fast one. */
async function expectCleanAnswer(response: Response): Promise<void> {
  const text = await response.text();
  let body: { data?: unknown; errors?: { message?: string; extensions?: { code?: unknown } }[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${response.status}, not JSON`);
  }
  if (response.status !== 200 || body.errors?.length || !body.data) {
    const codes = (body.errors ?? []).map((e) => String(e.extensions?.code ?? e.message)).join(', ');
    throw new Error(`HTTP ${response.status}${codes ? `: ${codes}` : ''}`);
  }
}
