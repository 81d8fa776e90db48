from rest_framework import serializers

from .models import CardOnFile


class CardOnFileSerializer(serializers.ModelSerializer):
    class Meta:
        model = CardOnFile
        fields = ["id", "holder_name", "expiry", "token"]
