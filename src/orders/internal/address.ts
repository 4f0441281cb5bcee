import type { Address } from '../types.js';

/** Every field of an `Address`, in the model's order (edits compare them; validation accepts them as rule names). */
export const ADDRESS_FIELDS: readonly (keyof Address)[] = [
  'name',
  'company',
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
  'country',
  'phone',
  'email',
];
