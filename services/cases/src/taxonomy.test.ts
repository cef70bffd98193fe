import { EXPLOITATION_TYPES, GENDERS, PROVINCES, SERVICE_TYPES, URGENCIES } from '@haven/kit/src/taxonomy';
import { ExploitationType, Gender, Province, ServiceType, Urgency } from './generated/prisma/enums';

// The cases database mirrors kit's vocabularies; partners mirrors the same lists, so the two subgraphs compose.
describe('the cases database vocabulary', () => {
  it.each([
    ['service types', ServiceType, SERVICE_TYPES],
    ['urgencies', Urgency, URGENCIES],
    ['genders', Gender, GENDERS],
    ['exploitation types', ExploitationType, EXPLOITATION_TYPES],
    ['provinces', Province, PROVINCES],
  ] as const)('has exactly the %s of the taxonomy, in order', (_what, prismaEnum, list) => {
    expect(Object.values(prismaEnum)).toEqual([...list]);
  });
});
