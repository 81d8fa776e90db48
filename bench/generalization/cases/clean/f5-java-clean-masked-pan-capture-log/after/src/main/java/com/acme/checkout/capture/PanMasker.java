package com.acme.checkout.capture;

/** Masks a primary account number to its last four digits for logs and receipts. */
public final class PanMasker {

    private PanMasker() {
    }

    public static String mask(String pan) {
        if (pan == null) {
            return "";
        }
        String digits = pan.replaceAll("\\D", "");
        if (digits.length() < 4) {
            return "****";
        }
        return "**** **** **** " + digits.substring(digits.length() - 4);
    }
}
