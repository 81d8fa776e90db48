from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

from .importers import import_csv, import_yaml


@login_required
def upload_payees(request):
    upload = request.FILES["file"]
    if upload.name.endswith((".yml", ".yaml")):
        count = import_yaml(upload, request.user)
    else:
        count = import_csv(upload, request.user)
    return JsonResponse({"imported": count})
