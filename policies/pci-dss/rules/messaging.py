import smtplib
from email.message import EmailMessage as MailMessage

from django.core.mail import send_mail
from slack_sdk import WebClient
from twilio.rest import Client

slack = WebClient(token=SLACK_TOKEN)
twilio = Client(TWILIO_SID, TWILIO_TOKEN)


def email_receipt(order, customer_email):
    card_number = order.payment.card_number
    # ruleid: pci-pan-to-messaging
    send_mail("Your receipt", f"Paid with card {card_number}", "shop@example.com", [customer_email])
    # ok: pci-pan-to-messaging
    send_mail("Your receipt", f"Paid with card ending {card_number[-4:]}", "shop@example.com", [customer_email])


def smtp_receipt(order):
    msg = MailMessage()
    msg["Subject"] = "Receipt"
    # ruleid: pci-pan-to-messaging
    msg.set_content("Card: " + order.pan)
    with smtplib.SMTP("localhost") as smtp:
        smtp.send_message(msg)


def sms_alert(user, payment):
    # ruleid: pci-pan-to-messaging
    twilio.messages.create(to=user.phone, from_=SENDER, body=f"Charge on {payment.cardNumber}")
    # ok: pci-pan-to-messaging
    twilio.messages.create(to=user.phone, from_=SENDER, body=f"Charge on card {mask_pan(payment.cardNumber)}")
    # ok: pci-pan-to-messaging
    twilio.messages.create(to=user.phone, from_=SENDER, body=f"Charge on card {payment.card_last4}")


def notify_ops(payment):
    # ruleid: pci-pan-to-messaging
    slack.chat_postMessage(channel="#payments", text=f"manual review: card {payment.credit_card_number}")
    # ok: pci-pan-to-messaging
    slack.chat_postMessage(channel="#payments", text=f"manual review: payment {payment.id}")


def support_template(agent_email):
    # ruleid: pci-pan-to-messaging
    send_mail("Escalation", "5105 1051 0510 5100", "support@example.com", [agent_email])
    # ok: pci-pan-to-messaging
    send_mail("Escalation", "Order 1234 5678 needs review", "support@example.com", [agent_email])
