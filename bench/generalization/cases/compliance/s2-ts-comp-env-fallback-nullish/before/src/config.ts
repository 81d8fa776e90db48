export interface AdyenConfig {
  environment: 'TEST' | 'LIVE';
  merchantAccount: string;
}

export const adyen: AdyenConfig = {
  environment: process.env.ADYEN_ENV === 'LIVE' ? 'LIVE' : 'TEST',
  merchantAccount: process.env.ADYEN_MERCHANT ?? 'AcmeECOM',
};
