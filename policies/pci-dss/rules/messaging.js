const nodemailer = require("nodemailer");
const twilio = require("twilio")(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);

const transporter = nodemailer.createTransport({ host: "smtp.example.com", port: 587 });

async function sendReceipt(order) {
  const { cardNumber } = order.payment;
  // ruleid: pci-pan-to-messaging-js
  await transporter.sendMail({ to: order.email, subject: "Receipt", text: `Paid with ${cardNumber}` });
  // ok: pci-pan-to-messaging-js
  await transporter.sendMail({ to: order.email, subject: "Receipt", text: `Paid with card ending ${cardNumber.slice(-4)}` });
}

async function smsAlert(user, payment) {
  // ruleid: pci-pan-to-messaging-js
  await twilio.messages.create({ to: user.phone, from: SENDER, body: "Charge on " + payment.pan });
  // ok: pci-pan-to-messaging-js
  await twilio.messages.create({ to: user.phone, from: SENDER, body: "Charge on " + maskPan(payment.pan) });
}
