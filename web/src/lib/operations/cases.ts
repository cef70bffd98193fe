import 'server-only';
import { graphql } from '../graphql';

/** Pseudonymous case list for coordinators (the newest page): no personal data is asked for. */
export const casesOperation = graphql(`
  query PortalCases {
    cases(first: 100) { nodes { id reference urgency needs status createdAt } hasNextPage }
  }
`);
