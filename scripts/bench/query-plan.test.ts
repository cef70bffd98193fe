import { readFileSync } from 'node:fs';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode } from '@apollo/query-planner';
import { parse } from 'graphql';
import { SUPERGRAPH_PATH } from '../../tests/support/stack';
import { benchOperations } from './bench-operations';
import { describeReplay, replayPlan, type RecordedFetch } from './query-plan';

const sdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
const dashboard = benchOperations({ partnerStaff: 'p@bench.invalid', coordinator: 'c@bench.invalid' }, 50).find((op) => op.label === 'dashboard')!;

/** What the gateway would have sent for each fetch of the plan: its text, and a marker telling them apart. */
function fetchesOfPlan(): RecordedFetch[] {
  const supergraph = Supergraph.build(sdl);
  const plan = new QueryPlanner(supergraph).buildQueryPlan(
    operationFromDocument(supergraph.schema, parse(dashboard.body.query), { operationName: dashboard.body.operationName }),
  );
  const fetches: RecordedFetch[] = [];
  const walk = (node: PlanNode): void => {
    if (node.kind === 'Fetch') fetches.push({ service: node.serviceName as RecordedFetch['service'], body: { query: node.operation, variables: { n: fetches.length } } });
    else if (node.kind === 'Flatten') walk(node.node);
    else if (node.kind === 'Sequence' || node.kind === 'Parallel') node.nodes.forEach(walk);
  };
  walk(plan.node as PlanNode);
  return fetches;
}

describe('replaying the gateway’s query plan without the gateway', () => {
  it('orders the dashboard like the plan: cases first, then its entity fetches in parallel', () => {
    const replay = replayPlan(sdl, dashboard.body, fetchesOfPlan());
    expect(describeReplay(replay)).toMatch(/^cases → \((partners|identity)( ∥ (partners|identity))+\)$/);
  });

  it('binds each plan fetch to the recorded body with the same text, whatever order they were recorded in', () => {
    const fetches = fetchesOfPlan();
    const replay = replayPlan(sdl, dashboard.body, [...fetches].reverse());
    const bodies: unknown[] = [];
    const collect = (step: typeof replay): void => {
      if (step.kind === 'fetch') bodies.push(step.body.query);
      else step.steps.forEach(collect);
    };
    collect(replay);
    expect(bodies).toEqual(fetches.map((f) => f.body.query));
  });

  it('refuses a recording that lacks one of the plan’s fetches, or has one the plan does not', () => {
    const fetches = fetchesOfPlan();
    expect(() => replayPlan(sdl, dashboard.body, fetches.slice(1))).toThrow('no recorded fetch');
    expect(() => replayPlan(sdl, dashboard.body, [...fetches, fetches[0]!])).toThrow('does not have');
  });
});
