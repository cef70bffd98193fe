import { SERVICE_TYPES } from '@haven/kit/src/taxonomy';
import { ServiceType } from './generated/prisma/enums';

describe('the cases database vocabulary', () => {
  it('has exactly the service types of the taxonomy, in order (the same list partners uses)', () => {
    expect(Object.values(ServiceType)).toEqual([...SERVICE_TYPES]);
  });
});
