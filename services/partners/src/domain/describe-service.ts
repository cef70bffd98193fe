import { AppError, badInput } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { ServiceType } from '@haven/kit/src/taxonomy';
import type { PartnersDb } from '../db';

export interface ServiceDescription {
  serviceId: string;
  organisationId: string;
  type: ServiceType;
  acceptingReferrals: boolean;
}

/** What the cases service needs to send a referral: whose service it is, what it offers, whether it takes referrals. */
export async function describeService(db: PartnersDb, serviceId: unknown): Promise<ServiceDescription> {
  if (!isUuid(serviceId)) throw badInput('serviceId', 'serviceId is not a valid id');
  const service = await db.service.findUnique({
    where: { id: serviceId },
    select: { id: true, organisationId: true, type: true, organisation: { select: { acceptingReferrals: true } } },
  });
  if (!service) throw new AppError('NOT_FOUND', 'Service not found');
  return {
    serviceId: service.id,
    organisationId: service.organisationId,
    type: service.type,
    acceptingReferrals: service.organisation.acceptingReferrals,
  };
}
