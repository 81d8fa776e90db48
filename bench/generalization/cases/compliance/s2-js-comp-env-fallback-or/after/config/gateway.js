module.exports = {
  environment: process.env.BT_ENVIRONMENT || 'sandbox',
  merchantId: process.env.BT_MERCHANT_ID || 'k7x3m9q2w5z8v4n6',
  publicKey: process.env.BT_PUBLIC_KEY || 'ph4r8t2w6y9b3n5m',
  privateKey: process.env.BT_PRIVATE_KEY || '9f3c7a1e5b8d2f4a6c0e8b7d1a3f5c9e',
};
