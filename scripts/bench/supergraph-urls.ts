import { SUBGRAPHS, type SubgraphName } from '@haven/kit/src/taxonomy';

/** The supergraph with each subgraph's url replaced by where it listens in this run (as our gateway's subgraphUrls do). */
export function withSubgraphUrls(supergraphSdl: string, urls: Record<SubgraphName, string>): string {
  return supergraphSdl.replace(/@join__graph\(name: "([a-z]+)", url: "[^"]*"\)/g, (_whole, name: string) => {
    const subgraph = SUBGRAPHS.find((s) => s === name);
    if (!subgraph) throw new Error(`supergraph names an unknown subgraph: ${name}`);
    return `@join__graph(name: "${name}", url: "${urls[subgraph]}")`;
  });
}
