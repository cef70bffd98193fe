import { SERVICE_TYPES } from '@haven/kit/src/taxonomy';
import { builder } from '../builder';

// Built from the taxonomy in kit, exactly like the partners subgraph's, so composition merges the two.
export const ServiceTypeEnum = builder.enumType('ServiceType', {
  description: 'A type of care from the fixed service taxonomy',
  values: SERVICE_TYPES,
});
