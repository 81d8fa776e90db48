const amqp = require("amqplib");
const { SQSClient, SendMessageCommand } = require("@aws-sdk/client-sqs");

async function queueCharge(channel, req) {
  const { cardNumber, amount } = req.body;
  const body = Buffer.from(JSON.stringify({ cardNumber, amount }));
  // ruleid: pci-pan-to-queue
  channel.sendToQueue("charges", body);
  // ok: pci-pan-to-queue
  channel.sendToQueue("charges", Buffer.from(JSON.stringify({ token: req.body.token, amount })));
}

async function streamCharge(producer, order) {
  // ruleid: pci-pan-to-queue
  await producer.send({ topic: "charges", messages: [{ value: JSON.stringify({ pan: order.cardNumber }) }] });
  // ok: pci-pan-to-queue
  await producer.send({ topic: "charges", messages: [{ value: JSON.stringify({ id: order.id }) }] });
}

module.exports = { queueCharge, streamCharge };
