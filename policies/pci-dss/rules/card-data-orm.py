from django.conf import settings
from django.db import models
from marshmallow import Schema, fields as mfields
from rest_framework import serializers
from sqlalchemy import Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from encrypted_model_fields.fields import EncryptedCharField


class SavedCard(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # ok: pci-pan-stored-model
    last4 = models.CharField(max_length=4)
    # ruleid: pci-pan-stored-model
    card_number = models.CharField(max_length=19, blank=True)
    # ok: pci-pan-stored-model
    psp_token = models.CharField(max_length=64, unique=True)
    # ok: pci-pan-stored-model
    card_number_encrypted = EncryptedCharField(max_length=200)


class Base(DeclarativeBase):
    pass


class Attempt(Base):
    __tablename__ = "charge_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # ruleid: pci-pan-stored-model
    pan: Mapped[str] = mapped_column(String(19), index=True)
    # ok: pci-pan-stored-model
    card_brand: Mapped[str] = mapped_column(String(16))


class CardOnFileSerializer(serializers.ModelSerializer):
    # ruleid: pci-pan-serialized
    card_number = serializers.CharField(max_length=19, write_only=False)

    class Meta:
        model = SavedCard
        # ruleid: pci-pan-serialized
        fields = ["id", "holder_name", "card_number", "expiry", "token"]


class CardInputSerializer(serializers.Serializer):
    # ok: pci-pan-serialized
    card_number = serializers.CharField(max_length=19, write_only=True)
    # ok: pci-pan-serialized
    last4 = serializers.CharField(read_only=True)


class CardDisplaySerializer(serializers.ModelSerializer):
    class Meta:
        model = SavedCard
        # ok: pci-pan-serialized
        fields = ("id", "brand", "last4", "psp_token")


class PaymentSchema(Schema):
    # ruleid: pci-pan-serialized
    primary_account_number = mfields.String(required=True)
    # ok: pci-pan-serialized
    cardNumber = mfields.String(load_only=True)
