from django.urls import path

from . import views

urlpatterns = [
    path("merchants/<int:merchant_id>/settlements", views.settlements),
    path("merchants/<int:merchant_id>/settlements/search", views.search_settlements),
]
