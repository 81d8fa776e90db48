from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

from .importers import import_csv


@login_required
def upload_payees(request):
    upload = request.FILES["file"]
    count = import_csv(upload, request.user)
    return JsonResponse({"imported": count})
