export interface Merchant {
  id: string;
  displayName: string;
  legalName: string;
}

const MERCHANTS: Merchant[] = [
  { id: 'm_1', displayName: 'Acme Outdoor', legalName: 'Acme Outdoor GmbH' },
  { id: 'm_2', displayName: 'Globex', legalName: 'Globex Corporation' },
];

export async function listMerchants(): Promise<Merchant[]> {
  return MERCHANTS;
}
