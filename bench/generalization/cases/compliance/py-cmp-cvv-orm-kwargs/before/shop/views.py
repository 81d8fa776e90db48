from django.http import JsonResponse

from .models import PaymentAttempt


def retry_payment(request, order):
    form = request.POST
    attempt = PaymentAttempt.objects.create(
        order=order,
        last4=form["number"][-4:],
        status="pending",
    )
    return JsonResponse({"attempt": attempt.pk})
