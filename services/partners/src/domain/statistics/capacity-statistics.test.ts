import { aggregateCapacity } from './capacity-statistics';

describe('aggregateCapacity', () => {
  it('sums services and slots per province and type, and hides 1–4 held slots with their utilisation', () => {
    const rows = aggregateCapacity([
      { province: 'UTRECHT', type: 'SHELTER', totalSlots: 10, heldSlots: 3 },
      { province: 'UTRECHT', type: 'SHELTER', totalSlots: 10, heldSlots: 4 },
      { province: 'UTRECHT', type: 'LEGAL_AID', totalSlots: 8, heldSlots: 2 },
      { province: 'LIMBURG', type: 'SHELTER', totalSlots: 5, heldSlots: 0 },
    ]);
    expect(rows).toEqual([
      { province: 'LIMBURG', serviceType: 'SHELTER', services: 1, totalSlots: 5, heldSlots: { value: 0, suppressed: false }, utilisation: { value: 0, suppressed: false } },
      { province: 'UTRECHT', serviceType: 'LEGAL_AID', services: 1, totalSlots: 8, heldSlots: { value: null, suppressed: true }, utilisation: { value: null, suppressed: true } },
      { province: 'UTRECHT', serviceType: 'SHELTER', services: 2, totalSlots: 20, heldSlots: { value: 7, suppressed: false }, utilisation: { value: 0.35, suppressed: false } },
    ]);
  });

  it('suppresses utilisation of a group without slots rather than divide by zero', () => {
    expect(aggregateCapacity([{ province: 'ZEELAND', type: 'HOUSING', totalSlots: 0, heldSlots: 0 }])[0]!.utilisation).toEqual({ value: null, suppressed: true });
  });
});
