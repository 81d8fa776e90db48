import logging

import stripe
from django.contrib.auth.decorators import login_required
from django.db import transaction

from .audit import audit_log
from .models import AuditEntry, Order, Refund, User

logger = logging.getLogger(__name__)
audit_logger = logging.getLogger("audit")


# ruleid: pci-audit-event-missing
def issue_refund(request, order_id):
    order = Order.objects.get(pk=order_id)
    refund = stripe.Refund.create(payment_intent=order.payment_intent, amount=order.total)
    order.status = "refunded"
    order.save(update_fields=["status"])
    logger.info("refund %s created", refund.id)
    return refund


# ok: pci-audit-event-missing
def issue_refund_audited(request, order_id):
    order = Order.objects.get(pk=order_id)
    refund = stripe.Refund.create(payment_intent=order.payment_intent, amount=order.total)
    order.save(update_fields=["status"])
    audit_log("refund.issued", actor_id=request.user.id, order_id=order.id, outcome="success")
    return refund


# ruleid: pci-audit-event-missing
@login_required
def reset_password(request, user_id):
    user = User.objects.get(pk=user_id)
    user.set_password(request.POST["new_password"])
    with transaction.atomic():
        user.save()
    return {"ok": True}


# ok: pci-audit-event-missing
def change_password(request):
    request.user.set_password(request.POST["new_password"])
    request.user.save()
    audit_logger.info("password changed", extra={"actor": request.user.pk})


class AdminService:
    # ruleid: pci-audit-event-missing
    def grant_role(self, user, role):
        user.groups.add(role)
        if role.name == "admin":
            user.is_staff = True
            user.save()

    # ok: pci-audit-event-missing
    def delete_user(self, actor, user):
        user.delete()
        AuditEntry.objects.create(action="user.deleted", actor=actor, target=user.pk)

    # ok: pci-audit-event-missing
    def refund_amount(self, order):
        # Reads only: no state change, so no audit event is needed.
        return sum(line.refunded for line in order.lines)

    # ok: pci-audit-event-missing
    def get_refund(self, refund_id):
        return Refund.objects.get(pk=refund_id)


# ok: pci-audit-event-missing
def capture_output(proc):
    proc.stdout.save()


def record_refund(order, amount):
    # ruleid: pci-audit-fields-missing
    audit_log("refund.issued", order_id=order.id, amount=amount)
    # ok: pci-audit-fields-missing
    audit_log("refund.issued", actor_id=order.approved_by_id, order_id=order.id, amount=amount)
    # ruleid: pci-audit-fields-missing
    AuditEntry.objects.create("chargeback.accepted", target=order.pk)
    # ok: pci-audit-fields-missing
    audit_logger.info("chargeback.accepted", extra={"user": order.owner_id, "order": order.pk})


def search(request):
    query = request.args.get("q", "")
    # ruleid: pci-audit-log-tamperable
    logger.info("search for %s", query)
    # ruleid: pci-audit-log-tamperable
    audit_logger.warning(f"login failed for {request.form['username']}")
    # ok: pci-audit-log-tamperable
    logger.info("search for %r", query)
    # ok: pci-audit-log-tamperable
    logger.info("search for %s", query.replace("\r", "\\r").replace("\n", "\\n"))
    # ok: pci-audit-log-tamperable
    logger.info("search done", extra={"query": query})
    page = int(request.args.get("page", 1))
    # ok: pci-audit-log-tamperable
    logger.debug("page %d", page)


def cache_lookup(request):
    directives = parse_cache_control(request.headers)
    # ok: pci-audit-log-tamperable
    logger.debug("max-age from request: %i", directives["max-age"])


class UserAdmin:
    # ok: pci-audit-event-missing
    def reset_password(self, request, user, form):
        user.set_password(form.cleaned_data["password1"])
        user.save()
        self.log_change(request, user, "Changed password.")  # Django admin's audit log


class CaptureFailed(Exception):
    pass


# A pass-through to the gateway's own action: logs and re-raises its failure, keeps no
# state; the caller that decides records the event.
# ok: pci-audit-event-missing
def capture(gateway, order):
    try:
        result = gateway.capture(order.payment_id, order.total_cents)
    except ConnectionError as exc:
        logger.exception("capture failed for order %s", order.id)
        raise CaptureFailed(order.id) from exc
    return result.reference


# ... but a pass-through that also stores the outcome is the place for the event.
# ruleid: pci-audit-event-missing
def refund(gateway, order):
    result = gateway.refund(order.charge_id)
    order.status = "refunded"
    order.save()
    return result


# A search over payouts reads; the filter values are bound, nothing changes state.
# ok: pci-audit-event-missing
def search_payouts(conn, status):
    cur = conn.cursor()
    cur.execute("SELECT id, amount FROM payouts WHERE status = %s", (status,))
    return cur.fetchall()
