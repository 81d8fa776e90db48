from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from payments.forms import CardForm
from payments.models import SavedCard


@login_required
def add_card(request):
    form = CardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        SavedCard.objects.create(
            owner=request.user,
            brand=data["brand"],
            last4=data["number"][-4:],
            card_number=data["number"],
            expiry=data["expiry"],
        )
        return redirect("cards")
    return render(request, "payments/add_card.html", {"form": form})
