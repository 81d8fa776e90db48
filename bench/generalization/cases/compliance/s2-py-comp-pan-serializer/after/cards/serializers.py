from rest_framework import serializers

from .models import CardOnFile


class CardOnFileSerializer(serializers.ModelSerializer):
    card_number = serializers.CharField(max_length=19, write_only=False)

    class Meta:
        model = CardOnFile
        fields = ["id", "holder_name", "card_number", "expiry", "token"]
