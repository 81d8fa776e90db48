export interface AdyenConfig {
  environment: 'TEST' | 'LIVE';
  merchantAccount: string;
  apiKey: string;
}

export const adyen: AdyenConfig = {
  environment: process.env.ADYEN_ENV === 'LIVE' ? 'LIVE' : 'TEST',
  merchantAccount: process.env.ADYEN_MERCHANT ?? 'AcmeECOM',
  apiKey: process.env.ADYEN_API_KEY ?? 'AQEyhmfxKo3NaRJGw0m/n3Q5qf3VaY9UCJ1+XWZe9W27jmlZiv4PD4jhfNMofnLr2K5i8/0QwV1bDb7kfNy1WIxIIkxgBw==-lUKXT9IQ5GZ6d6RH4nnuOG4Bu7Fn6eVAk0Z9Jtmr1Ns=-Lm3Xq8Rt2Vz9Kw',
};
