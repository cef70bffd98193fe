import { PROVINCES, SERVICE_TYPES } from '@haven/kit/src/taxonomy';
import { Province, ServiceType } from './generated/prisma/enums';

describe('the partners database vocabularies', () => {
  it('has exactly the service types of the taxonomy, in order', () => {
    expect(Object.values(ServiceType)).toEqual([...SERVICE_TYPES]);
  });

  it('has exactly the provinces of the taxonomy, in order', () => {
    expect(Object.values(Province)).toEqual([...PROVINCES]);
  });
});
