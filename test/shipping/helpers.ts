import type { Shipment } from '../../src/shipping/index.js';

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** One 30 × 20 × 15 cm box of 1.2 kg (billable 1.8 kg at 5000) to San Francisco, shipped Monday 23 November 2026. */
export const sfShipment: Shipment = {
  id: 'o-1',
  shipDate: '2026-11-23',
  destination: { country: 'US', postalCode: '94107' },
  parcels: [{ id: 'box-1', weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 }],
};
