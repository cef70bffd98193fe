import { PROVINCES } from '@haven/kit/src/taxonomy';
import { builder } from '../builder';

export const ProvinceEnum = builder.enumType('Province', {
  description: 'One of the twelve Dutch provinces',
  values: PROVINCES,
});
