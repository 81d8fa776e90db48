const config = {
  port: Number(process.env.PORT || 3000),
  redisHost: process.env.REDIS_HOST || 'localhost',
  logLevel: process.env.LOG_LEVEL ?? 'info',
  gatewayUrl: process.env.GATEWAY_URL || 'https://sandbox.gateway.example',
  gatewayApiKey: process.env.GATEWAY_API_KEY || '',
};

if (!config.gatewayApiKey) {
  throw new Error('GATEWAY_API_KEY must be set');
}

module.exports = config;
