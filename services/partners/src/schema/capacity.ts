import { builder } from '../builder';
import { availableSlots, isCapacityStale } from '../domain/capacity-view';
import { updateCapacity } from '../domain/update-capacity';
import { UserRef } from './user';

/**
 * A service's capacity as its organisation states it (total, waitlist, paused) and as referrals use it
 * (held). Slots are held and released only by the cases service, over internal routes (internal-routes.ts).
 */
export const CapacityObject = builder.prismaObject('Capacity', {
  fields: (t) => ({
    service: t.relation('service'),
    totalSlots: t.exposeInt('totalSlots'),
    heldSlots: t.exposeInt('heldSlots', { description: 'Slots held by accepted referrals.' }),
    availableSlots: t.int({ description: 'totalSlots − heldSlots, never below 0.', resolve: (c) => availableSlots(c) }),
    waitlistLength: t.exposeInt('waitlistLength'),
    paused: t.exposeBoolean('paused', { description: 'A paused service takes no new referrals (no new holds).' }),
    confirmedAt: t.expose('confirmedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the organisation last stated this capacity; null: never.',
    }),
    confirmedBy: t.field({
      type: UserRef,
      nullable: true,
      resolve: (c) => (c.confirmedByUserId ? { id: c.confirmedByUserId } : null),
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'Last change of any kind, holds and releases included.' }),
    updatedBy: t.field({
      type: UserRef,
      nullable: true,
      resolve: (c) => (c.updatedByUserId ? { id: c.updatedByUserId } : null),
    }),
    stale: t.boolean({
      description: 'Not confirmed by the organisation within the configured number of days (default 7), or never.',
      resolve: (c, _args, ctx) => isCapacityStale(c.confirmedAt, ctx.settings.capacityStaleDays),
    }),
  }),
});

const UpdateCapacityInput = builder.inputType('UpdateCapacityInput', {
  description: 'The whole statement in one step; saving it also confirms the capacity (clears "stale").',
  fields: (t) => ({
    serviceId: t.id({ required: true }),
    totalSlots: t.int({ required: true }),
    paused: t.boolean({ required: true }),
    waitlistLength: t.int({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  updateCapacity: t.field({
    type: CapacityObject,
    description:
      "For partner staff and admins of the service's own organisation. Refused with CONFLICT " +
      '(extensions.heldSlots) when totalSlots is below the slots held now.',
    args: { input: t.arg({ type: UpdateCapacityInput, required: true }) },
    resolve: (_root, { input }, ctx) => updateCapacity(ctx.db, ctx.caller, { ...input, serviceId: String(input.serviceId) }, ctx.requestId),
  }),
}));
