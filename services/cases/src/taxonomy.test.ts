import { SERVICE_TYPES, URGENCIES } from '@haven/kit/src/taxonomy';
import { ServiceType, Urgency } from './generated/prisma/enums';

describe('the cases database vocabulary', () => {
  it('has exactly the service types of the taxonomy, in order (the same list partners uses)', () => {
    expect(Object.values(ServiceType)).toEqual([...SERVICE_TYPES]);
  });

  it('has exactly the urgencies of the taxonomy, in order (the same list matching weighs)', () => {
    expect(Object.values(Urgency)).toEqual([...URGENCIES]);
  });
});
