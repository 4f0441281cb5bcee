import { describe, expect, it } from 'vitest';
import { LEDGER_ENTRY_KINDS, LEDGER_ENTRY_SIGNS, type LedgerEntrySign } from '../../src/inventory/index.js';
import { checkEntryShape } from '../../src/inventory/internal/fold.js';
import { ledgerEntrySchema } from '../../src/schemas/index.js';

const at = '2026-11-22T10:00:00Z';
// Every link any kind needs, so only the quantity's sign decides.
const links = {
  reservationId: 'r-1',
  receiptId: 'po-1',
  expectedAt: '2026-12-01T00:00:00Z',
  counterpartLocation: 'store-1',
};
const fits: Record<LedgerEntrySign, (q: number) => boolean> = {
  positive: (q) => q > 0,
  negative: (q) => q < 0,
  nonzero: (q) => q !== 0,
  zero: (q) => q === 0,
  any: () => true,
};

function foldAccepts(entry: unknown): boolean {
  try {
    checkEntryShape(entry, 0);
    return true;
  } catch {
    return false;
  }
}

describe('LEDGER_ENTRY_SIGNS', () => {
  it('has a sign for every kind and no other key', () => {
    expect(Object.keys(LEDGER_ENTRY_SIGNS).sort()).toEqual([...LEDGER_ENTRY_KINDS].sort());
  });

  it('is frozen: changing it cannot loosen the fold', () => {
    expect(Object.isFrozen(LEDGER_ENTRY_SIGNS)).toBe(true);
    expect(() => {
      (LEDGER_ENTRY_SIGNS as Record<string, string>)['shipment'] = 'any';
    }).toThrow(TypeError);
    expect(LEDGER_ENTRY_SIGNS.shipment).toBe('negative');
  });

  it('is what the fold and ledgerEntrySchema both enforce, kind by kind', () => {
    for (const kind of LEDGER_ENTRY_KINDS) {
      for (const quantity of [-3, 0, 3]) {
        const entry = { id: 'e-1', kind, sku: 'A', location: 'dc', quantity, at, ...links };
        const expected = fits[LEDGER_ENTRY_SIGNS[kind]](quantity);
        expect([kind, quantity, foldAccepts(entry)]).toEqual([kind, quantity, expected]);
        expect([kind, quantity, ledgerEntrySchema.safeParse(entry).success]).toEqual([kind, quantity, expected]);
      }
    }
  });
});
