import 'server-only';
import { z } from 'zod';
import { defineOperation } from '../gateway';
import { serviceTypeSchema } from '../vocabulary';

export const urgencySchema = z.enum(['IMMEDIATE', 'URGENT', 'STANDARD']);
export const caseStatusSchema = z.enum(['OPEN', 'CLOSED']);

/** Pseudonymous case list for coordinators (the newest page): no personal data is asked for. */
export const casesOperation = defineOperation(
  'PortalCases',
  /* GraphQL */ `
    query PortalCases {
      cases(first: 100) { nodes { id reference urgency needs status createdAt } hasNextPage }
    }
  `,
  z.object({
    cases: z.object({
      nodes: z.array(
        z.object({
          id: z.string(),
          reference: z.string(),
          urgency: urgencySchema,
          needs: z.array(serviceTypeSchema),
          status: caseStatusSchema,
          createdAt: z.string(),
        }),
      ),
      hasNextPage: z.boolean(),
    }),
  }),
);
