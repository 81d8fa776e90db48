import os

import requests
import segment.analytics as analytics
from openai import OpenAI

client = OpenAI()


def track_checkout(user, payment):
    # ruleid: soc2-cc6.7-sensitive-egress
    analytics.track(user.id, "checkout", {"card": payment.card_number})
    # ok: soc2-cc6.7-sensitive-egress
    analytics.track(user.id, "checkout", {"card_last4": payment.card_number[-4:]})
    # ruleid: soc2-p6.1-pii-to-third-party
    analytics.identify(user.id, {"email": user.email, "plan": user.plan})
    # ok: soc2-p6.1-pii-to-third-party
    analytics.identify(user.id, {"plan": user.plan})


def summarize_ticket(ticket, api_key):
    # ruleid: soc2-cc6.7-sensitive-egress
    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"key {api_key}"}])
    # ok: soc2-cc6.7-sensitive-egress
    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": ticket.body}])
    # ruleid: soc2-p6.1-pii-to-third-party
    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": ticket.customer_phone}])
    # ok: soc2-p6.1-pii-to-third-party
    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": ticket.subject}])


def call_partner(api_key):
    # ruleid: soc2-cc6.6-cred-in-url
    requests.get(f"https://partner.example.com/v1/rates?api_key={api_key}", timeout=5)
    # ruleid: soc2-cc6.6-cred-in-url
    requests.get("https://partner.example.com/v1/rates", params={"token": os.environ["PARTNER_TOKEN"], "q": 1}, timeout=5)
    # ok: soc2-cc6.6-cred-in-url
    requests.get("https://partner.example.com/v1/rates", headers={"Authorization": f"Bearer {api_key}"}, timeout=5)
    # ok: soc2-cc6.6-cred-in-url
    requests.get("https://partner.example.com/v1/rates", params={"currency": "EUR"}, timeout=5)


def lockout_redirect(request, credentials):
    # real code (django-axes): the user name looked up from the credentials, not a secret
    context = {"username": get_client_username(request, credentials) or ""}
    query_string = urlencode({"username": context["username"]})
    # ok: soc2-cc6.6-cred-in-url
    return redirect(f"{settings.AXES_LOCKOUT_URL}?{query_string}")


def resume_link(request, credentials):
    query_string = urlencode({"session": quote(credentials.session_token)})
    # ruleid: soc2-cc6.6-cred-in-url
    return redirect(f"/resume?{query_string}")


def reset_page(client):
    # noise corpus (bench/noise_corpus.py): Django 5.1 tests/auth_tests/test_views.py
    url = reverse("password_reset")
    # ok: soc2-cc6.6-cred-in-url
    response = client.get(url)
    # ruleid: soc2-cc6.6-cred-in-url
    client.get(reverse("password_reset_confirm", kwargs={"token": session_token}))
    return response
