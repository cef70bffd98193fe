import { builder } from '../builder';

/** Partners owns Service (the directory); a referral only points at one (resolvable: false). */
export const ServiceRef = builder
  .externalRef('Service', builder.keyDirective(builder.selection<{ id: string }>('id'), false))
  .implement({ externalFields: (t) => ({ id: t.id() }) });
