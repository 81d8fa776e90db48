const crypto = require('node:crypto');

const OTP_TTL_MS = 5 * 60 * 1000;

class OtpService {
  constructor(db, sms) {
    this.otps = db.collection('otp_codes');
    this.sms = sms;
  }

  async issue(phone) {
    const code = crypto.randomInt(0, 1000000).toString().padStart(6, '0');
    await this.otps.insertOne({
      phone,
      code,
      expiresAt: new Date(Date.now() + OTP_TTL_MS),
      usedAt: null,
    });
    await this.sms.send(phone, `Your verification code is ${code}`);
  }
}

module.exports = { OtpService };
