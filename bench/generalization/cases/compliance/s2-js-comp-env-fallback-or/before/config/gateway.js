module.exports = {
  environment: process.env.BT_ENVIRONMENT || 'sandbox',
  merchantId: process.env.BT_MERCHANT_ID,
};
