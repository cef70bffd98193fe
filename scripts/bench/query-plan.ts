import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode } from '@apollo/query-planner';
import { parse } from 'graphql';
import { SUBGRAPHS, type SubgraphName } from '@haven/kit/src/taxonomy';
import type { GraphqlRequestBody } from '@haven/kit/src/trust/digest';
import type { ReplayStep } from './load-target';

/** One subgraph request the gateway sent, as the subgraph received it. */
export interface RecordedFetch {
  service: SubgraphName;
  body: GraphqlRequestBody;
}

/**
 * The plan Apollo's query planner (the one inside @apollo/gateway, same version and default settings) makes
 * for `query` over `supergraphSdl`, with every fetch bound to the body the gateway actually sent for it
 * (entity fetches carry the representations taken from earlier answers, which only a real run knows). The
 * data is fixed during a benchmark, so replaying those bodies asks the subgraphs for exactly the same work.
 */
export function replayPlan(supergraphSdl: string, request: { query: string; operationName: string }, fetches: readonly RecordedFetch[]): ReplayStep {
  const supergraph = Supergraph.build(supergraphSdl);
  const operation = operationFromDocument(supergraph.schema, parse(request.query), { operationName: request.operationName });
  const plan = new QueryPlanner(supergraph).buildQueryPlan(operation);
  if (!plan.node) throw new Error(`${request.operationName}: the plan fetches nothing`);
  if (plan.node.kind === 'Subscription') throw new Error(`${request.operationName}: subscriptions are not replayed`);
  const unused = [...fetches];
  const step = toStep(plan.node, unused, request.operationName);
  if (unused.length > 0) {
    throw new Error(`${request.operationName}: the gateway sent ${unused.length} fetch(es) the plan does not have (${unused.map((f) => f.service).join(', ')})`);
  }
  return step;
}

/** Plan nodes to replay steps; each fetch node takes the first recorded fetch to the same subgraph with the same text. */
function toStep(node: PlanNode, unused: RecordedFetch[], operationName: string): ReplayStep {
  switch (node.kind) {
    case 'Sequence':
      return { kind: 'sequence', steps: node.nodes.map((n) => toStep(n, unused, operationName)) };
    case 'Parallel':
      return { kind: 'parallel', steps: node.nodes.map((n) => toStep(n, unused, operationName)) };
    case 'Flatten':
      return toStep(node.node, unused, operationName);
    case 'Fetch': {
      const service = SUBGRAPHS.find((s) => s === node.serviceName);
      const index = unused.findIndex((f) => f.service === service && f.body.query === node.operation);
      if (!service || index < 0) throw new Error(`${operationName}: no recorded fetch for the plan's ${node.serviceName} fetch`);
      return { kind: 'fetch', service, body: unused.splice(index, 1)[0]!.body };
    }
    default:
      // @defer and @include/@skip conditions: the benchmark's queries have neither.
      throw new Error(`${operationName}: plan node ${node.kind} is not replayed`);
  }
}

/** How many subgraph fetches a replay makes, per subgraph, in plan order: for the printed header. */
export function describeReplay(step: ReplayStep): string {
  if (step.kind === 'fetch') return step.service;
  const inner = step.steps.map(describeReplay);
  return step.kind === 'sequence' ? inner.join(' → ') : `(${inner.join(' ∥ ')})`;
}
